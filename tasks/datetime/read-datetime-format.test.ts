import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import {
  type DateTimeFormat,
  type DateTimeMode,
  type DateTimeValue,
  boundTime,
  formatStoredValue,
  isRealDate,
  isRealTime,
  parseStoredValue,
  readDateTimeFormat,
} from './read-datetime-format';

const CURRENT_YEAR = 2025;

function createControl(attributes: Record<string, string> = {}): ControlTag {
  return createTestControl({ type: 'DateTime', name: 'when', attributes });
}

describe('readDateTimeFormat', () => {
  test.each<[string, Record<string, string>, DateTimeFormat | null]>([
    ['no only: date and time', {}, { mode: 'datetime', comparesYears: false }],
    ['only date', { only: 'date' }, { mode: 'date', comparesYears: false }],
    ['only time', { only: 'time' }, { mode: 'time', comparesYears: false }],
    ['date and time', { only: 'date,time' }, { mode: 'datetime', comparesYears: false }],
    ['time and date with a space', { only: 'time, date' }, { mode: 'datetime', comparesYears: false }],
    ['attribute name in another case', { ONLY: 'date' }, { mode: 'date', comparesYears: false }],
    ['month alone', { only: 'month' }, { mode: 'month', comparesYears: false }],
    ['month and year', { only: 'month,year' }, { mode: 'month', comparesYears: true, years: { from: 2000, to: 2025 } }],
    ['year alone', { only: 'year' }, { mode: 'year', comparesYears: true, years: { from: 2000, to: 2025 } }],
    ['date wins over month', { only: 'date,month' }, { mode: 'date', comparesYears: false }],
    ['date with a year drop-down', { only: 'date,year' }, { mode: 'date', comparesYears: true, years: { from: 2000, to: 2025 } }],
    ['min and max kept as written', { only: 'date', min: '2020-01-01', max: '2025-12-31' }, { mode: 'date', comparesYears: false, min: '2020-01-01', max: '2025-12-31' }],
    ['year bounds', { only: 'year', min: '1990', max: '2030' }, { mode: 'year', comparesYears: true, min: '1990', max: '2030', years: { from: 1990, to: 2030 } }],
    ['year bounds as dates', { only: 'year', min: '2010-05-01', max: '2012-01-01' }, { mode: 'year', comparesYears: true, min: '2010-05-01', max: '2012-01-01', years: { from: 2010, to: 2012 } }],
    ['min "current"', { only: 'year', min: 'current' }, { mode: 'year', comparesYears: true, min: 'current', years: { from: 2025, to: 2025 } }],
    ['a format with only time is ignored', { only: 'time', format: '%H:%M' }, { mode: 'time', comparesYears: false }],
    ['a custom format', { format: '%d.%m.%Y %H:%M' }, null],
    ['time with a year', { only: 'time,year' }, null],
    ['time with a month', { only: 'month,time' }, null],
    ['time not written exactly "time"', { only: 'time ' }, null],
    ['an unknown part', { only: 'week' }, null],
    ['a part inside a word', { only: 'dates' }, null],
    ['a year drop-down starting after it ends', { only: 'year', min: '2030' }, null],
    ['an unreadable year bound', { only: 'year', min: 'abcd' }, null],
    ['a year bound in another layout', { only: 'year', max: '01/01/2030' }, null],
  ])('%s', (_case, attributes, format) => {
    expect(readDateTimeFormat(createControl(attributes), CURRENT_YEAR)).toEqual(format);
  });
});

describe('stored values', () => {
  test.each<[DateTimeMode, string, DateTimeValue]>([
    ['datetime', '2024-01-15T09:05', { date: { year: 2024, month: 1, day: 15 }, time: { hour: 9, minute: 5 } }],
    ['date', '2024-01-15', { date: { year: 2024, month: 1, day: 15 } }],
    ['time', '23:59', { time: { hour: 23, minute: 59 } }],
    ['month', '2024-03-01', { date: { year: 2024, month: 3, day: 1 } }],
    ['year', '2024-01-01', { date: { year: 2024, month: 1, day: 1 } }],
  ])('%s %s round-trips', (mode, stored, value) => {
    expect(parseStoredValue(stored, mode)).toEqual(value);
    expect(formatStoredValue(value, mode)).toBe(stored);
  });

  test.each<[DateTimeMode, string]>([
    ['datetime', '2024-01-15'],
    ['datetime', '2024-01-15 10:30'],
    ['datetime', '2024-01-15T10:30:00'],
    ['datetime', '2024-01-15T10:30Z'],
    ['date', '2024-1-15'],
    ['date', '15.01.2024'],
    ['time', '9:30'],
    ['time', '09:30:00'],
    ['month', '2024-03'],
    ['year', '2024'],
    ['date', ''],
  ])('%s rejects %j', (mode, stored) => {
    expect(parseStoredValue(stored, mode)).toBeNull();
  });
});

describe('isRealDate and isRealTime', () => {
  test.each<[number, number, number, boolean]>([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2024, 4, 30, true],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 13, 1, false],
    [2024, 0, 10, false],
    [2024, 1, 0, false],
    [999, 1, 1, false],
    [10000, 1, 1, false],
  ])('%s-%s-%s → %s', (year, month, day, real) => {
    expect(isRealDate({ year, month, day })).toBe(real);
  });

  test.each<[number, number, boolean]>([
    [0, 0, true],
    [23, 59, true],
    [24, 0, false],
    [12, 60, false],
    [-1, 0, false],
  ])('%s:%s → %s', (hour, minute, real) => {
    expect(isRealTime({ hour, minute })).toBe(real);
  });
});

describe('boundTime', () => {
  test.each<[string | undefined, string | undefined]>([
    ['09:00', '09:00'],
    ['9:05', '09:05'],
    ['2024-01-01T8:30', '08:30'],
    ['2024-01-01', undefined],
    [undefined, undefined],
  ])('%j → %j', (bound, time) => {
    expect(boundTime(bound)).toBe(time);
  });
});
