import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { parseDateTimeAnswer } from './parse-datetime-answer';

const CURRENT_YEAR = 2025;

function createControl(attributes: Record<string, string> = {}): ControlTag {
  return createTestControl({ type: 'DateTime', name: 'when', attributes });
}

const dateTime = createControl();
const dateOnly = createControl({ only: 'date' });
const timeOnly = createControl({ only: 'time' });
const monthYear = createControl({ only: 'month,year' });
const monthOnly = createControl({ only: 'month' });
const yearOnly = createControl({ only: 'year' });
const boundedDate = createControl({ only: 'date', min: '2020-01-01', max: '2025-12-31' });
const officeHours = createControl({ only: 'time', min: '09:00', max: '17:00' });
const boundedYear = createControl({ only: 'year', min: '1990', max: '2030' });

describe('parseDateTimeAnswer', () => {
  describe('answers that give a date or time', () => {
    test.each<[string, ControlTag, unknown, string]>([
      ['date and time', dateTime, '2024-01-15T10:30', '2024-01-15T10:30'],
      ['a space for T', dateTime, '2024-01-15 10:30', '2024-01-15T10:30'],
      ['zero seconds dropped', dateTime, '2024-01-15T10:30:00', '2024-01-15T10:30'],
      ['zero fractional seconds dropped', dateTime, '2024-01-15T10:30:00.000', '2024-01-15T10:30'],
      ['single-digit parts padded', dateTime, '2024-1-5T9:05', '2024-01-05T09:05'],
      ['a 12-hour afternoon time', dateTime, '2024-01-15 2:30 PM', '2024-01-15T14:30'],
      ['midnight in 12-hour form', dateTime, '2024-01-15 12:05 a.m.', '2024-01-15T00:05'],
      ['noon in 12-hour form', timeOnly, '12:00pm', '12:00'],
      ['a leap day', dateOnly, '2024-02-29', '2024-02-29'],
      ['a date in quotes', dateOnly, ' "2024-03-01" ', '2024-03-01'],
      ['a time', timeOnly, '23:59', '23:59'],
      ['a time with one hour digit', timeOnly, '7:45', '07:45'],
      ['a month stored as its first day', monthYear, '2024-03', '2024-03-01'],
      ['a full date for a month drops the day', monthYear, '2024-03-17', '2024-03-01'],
      ['a month without a year drop-down', monthOnly, '1999-12', '1999-12-01'],
      ['a year stored as its first day', yearOnly, '2024', '2024-01-01'],
      ['a year as a number', yearOnly, 2024, '2024-01-01'],
      ['a full date for a year keeps the year', yearOnly, '2023-07-04', '2023-01-01'],
      ['the first day of a bounded range', boundedDate, '2020-01-01', '2020-01-01'],
      ['the last day of a bounded range', boundedDate, '2025-12-31', '2025-12-31'],
      ['a time within bounds', officeHours, '17:00', '17:00'],
      ['a year within bounds', boundedYear, '2030', '2030-01-01'],
    ])('%s', (_case, control, raw, stored) => {
      expect(parseDateTimeAnswer(raw, control, CURRENT_YEAR)).toEqual({ status: 'answered', value: stored });
    });
  });

  describe('answers that abstain', () => {
    test.each<[string, ControlTag, unknown, RegExp]>([
      ['null', dateTime, null, /^no answer$/],
      ['undefined', dateTime, undefined, /^no answer$/],
      ['empty string', dateTime, '', /^no answer$/],
      ['a date without a time', dateTime, '2024-01-15', /"2024-01-15" is not a date and time written as YYYY-MM-DDTHH:MM/],
      ['a time zone', dateTime, '2024-01-15T10:30Z', /is not a date and time written as/],
      ['an offset', dateTime, '2024-01-15T10:30+02:00', /is not a date and time written as/],
      ['seconds', dateTime, '2024-01-15T10:30:15', /the time has seconds, which Label Studio does not store/],
      ['fractional seconds', timeOnly, '10:30:00.5', /has seconds/],
      ['February 30', dateOnly, '2024-02-30', /2024-02-30 is not a date on the calendar/],
      ['February 29 of a common year', dateOnly, '2023-02-29', /not a date on the calendar/],
      ['month 13', dateOnly, '2024-13-01', /not a date on the calendar/],
      ['day 0', dateOnly, '2024-01-00', /not a date on the calendar/],
      ['a three-digit year', dateOnly, '0999-01-01', /not a date on the calendar/],
      ['hour 24', timeOnly, '24:00', /24:00 is not a time of day/],
      ['minute 60', timeOnly, '12:60', /12:60 is not a time of day/],
      ['13 PM', timeOnly, '13:00 PM', /is not a 12-hour time/],
      ['0 AM', timeOnly, '0:30 am', /is not a 12-hour time/],
      ['a month for a date', dateOnly, '2024-03', /"2024-03" is not a date written as YYYY-MM-DD/],
      ['month 13 for a month', monthYear, '2024-13', /not a date on the calendar/],
      ['another layout', dateOnly, '15/01/2024', /is not a date written as YYYY-MM-DD/],
      ['words', dateOnly, 'next Tuesday', /is not a date written as/],
      ['a two-digit year', yearOnly, '24', /is not a year written as YYYY/],
      ['a five-digit year', yearOnly, 20245, /is not a year written as YYYY/],
      ['a fractional year', yearOnly, 2024.5, /the answer is not a year \(got a number\)/],
      ['a number for a date', dateOnly, 20240115, /the answer is not a date \(got a number\)/],
      ['NaN', dateOnly, Number.NaN, /got a number/],
      ['boolean', dateOnly, true, /got a boolean/],
      ['a list', dateOnly, ['2024-01-15'], /got a list/],
      ['an object', dateOnly, { date: '2024-01-15' }, /got an object/],
      ['a prototype key object', dateOnly, JSON.parse('{"__proto__": "2024-01-15"}'), /got an object/],
      ['before min', boundedDate, '2019-12-31', /2019-12-31 is before min 2020-01-01/],
      ['after max', boundedDate, '2026-01-01', /2026-01-01 is after max 2025-12-31/],
      ['a time before min', officeHours, '08:59', /08:59 is before min 09:00/],
      ['a time after max', officeHours, '5:30 pm', /17:30 is after max 17:00/],
      ['a year after the drop-down', yearOnly, '2026', /the year drop-down offers 2000 to 2025, not 2026/],
      ['a year before the drop-down', monthYear, '1999-05', /the year drop-down offers 2000 to 2025, not 1999/],
      ['a year outside its bounds', boundedYear, '1989', /offers 1990 to 2030, not 1989/],
      ['an unsupported only', createControl({ only: 'time,year' }), '10:30', /only, format, min or max prelabel cannot fill/],
    ])('%s', (_case, control, raw, reason) => {
      const result = parseDateTimeAnswer(raw, control, CURRENT_YEAR);
      expect(result.status).toBe('abstained');
      expect(result.status === 'abstained' && result.reason).toMatch(reason);
    });
  });

  test('compares dates with min as Label Studio does: as text', () => {
    const control = createControl({ min: '2024-01-15T12:00' });
    const result = parseDateTimeAnswer('2024-01-15T13:00', control, CURRENT_YEAR);
    expect(result).toEqual({ status: 'abstained', reason: '2024-01-15 is before min 2024-01-15T12:00' });
  });

  test('quotes long answers shortened in the reason', () => {
    const result = parseDateTimeAnswer('2'.repeat(10_000), dateOnly, CURRENT_YEAR);
    expect(result.status === 'abstained' && result.reason.length).toBeLessThan(200);
  });
});
