import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { ANSWER_LAYOUTS, createDateTimeSchema, describeDateTimeRange } from './create-datetime-schema';
import type { DateTimeMode } from './read-datetime-format';

const CURRENT_YEAR = 2025;

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({ type: 'DateTime', name: 'when', ...details });
}

describe('createDateTimeSchema', () => {
  test.each<[string, Partial<ControlTag>, Record<string, unknown>]>([
    [
      'optional date and time: a patterned string or null',
      {},
      {
        anyOf: [{ type: 'string', pattern: ANSWER_LAYOUTS.datetime.pattern }, { type: 'null' }],
        description: 'A date and time for "when" as YYYY-MM-DDTHH:MM; null when the task data does not state one.',
      },
    ],
    [
      'required date with bounds',
      { required: true, attributes: { only: 'date', min: '2020-01-01', max: '2025-12-31' } },
      {
        type: 'string',
        pattern: ANSWER_LAYOUTS.date.pattern,
        description: 'A date for "when" as YYYY-MM-DD, not before 2020-01-01, not after 2025-12-31.',
      },
    ],
    [
      'required time with time bounds',
      { required: true, attributes: { only: 'time', min: '9:00', max: '17:30' } },
      { type: 'string', pattern: ANSWER_LAYOUTS.time.pattern, description: 'A time of day (24-hour clock) for "when" as HH:MM, not before 09:00, not after 17:30.' },
    ],
    [
      'required month and year',
      { required: true, attributes: { only: 'month,year' } },
      { type: 'string', pattern: ANSWER_LAYOUTS.month.pattern, description: 'A month for "when" as YYYY-MM, a year from 2000 to 2025.' },
    ],
    [
      'required year',
      { required: true, attributes: { only: 'year', min: '1990', max: '2000' } },
      { type: 'string', pattern: ANSWER_LAYOUTS.year.pattern, description: 'A year for "when" as YYYY, not before 1990, not after 2000, a year from 1990 to 2000.' },
    ],
  ])('%s', (_case, details, schema) => {
    expect(createDateTimeSchema(createControl(details), CURRENT_YEAR)).toEqual(schema);
  });

  test('uses only keywords OpenAI strict mode accepts', () => {
    const allowed = new Set(['type', 'pattern', 'anyOf', 'description']);
    const keywords = Object.keys(createDateTimeSchema(createControl(), CURRENT_YEAR)).concat(
      ...(createDateTimeSchema(createControl(), CURRENT_YEAR).anyOf as object[]).map((branch) => Object.keys(branch)),
    );
    expect(keywords.filter((key) => !allowed.has(key))).toEqual([]);
  });
});

describe('ANSWER_LAYOUTS patterns', () => {
  test.each<[DateTimeMode, string, boolean]>([
    ['datetime', '2024-01-15T14:30', true],
    ['datetime', '2024-01-15T24:00', false],
    ['datetime', '2024-01-15 14:30', false],
    ['datetime', '2024-01-15T14:30:00', false],
    ['date', '2024-01-15', true],
    ['date', '2024-12-31', true],
    ['date', '2024-13-01', false],
    ['date', '2024-01-32', false],
    ['date', '0999-01-01', false],
    ['date', '2024-1-15', false],
    ['time', '00:00', true],
    ['time', '23:59', true],
    ['time', '9:30', false],
    ['time', '23:60', false],
    ['month', '2024-01', true],
    ['month', '2024-00', false],
    ['year', '2024', true],
    ['year', '20245', false],
  ])('%s %j → %s', (mode, text, matches) => {
    expect(new RegExp(ANSWER_LAYOUTS[mode].pattern).test(text)).toBe(matches);
  });

  test('every example fits its own pattern', () => {
    for (const layout of Object.values(ANSWER_LAYOUTS)) expect(layout.example).toMatch(new RegExp(layout.pattern));
  });
});

describe('describeDateTimeRange', () => {
  test.each<[string, Parameters<typeof describeDateTimeRange>[0], string]>([
    ['unbounded', { mode: 'date', comparesYears: false }, ''],
    ['min only', { mode: 'date', comparesYears: false, min: '2020-01-01' }, 'not before 2020-01-01'],
    ['time bounds as Label Studio reads them', { mode: 'time', comparesYears: false, min: '2024-01-01T8:00' }, 'not before 08:00'],
    ['an unreadable time bound', { mode: 'time', comparesYears: false, max: 'noon' }, ''],
  ])('%s', (_case, format, description) => {
    expect(describeDateTimeRange(format)).toBe(description);
  });
});
