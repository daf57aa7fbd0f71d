import type { ControlTag } from '../../core/spec/label-config';
import { readControlAttribute } from '../shared/read-control-attribute';

/**
 * What a DateTime control stores, by its `only` attribute (Label Studio `DateTime.jsx`):
 * - `datetime` (no `only`, or date and time): `2024-01-15T10:30` (`%Y-%m-%dT%H:%M`)
 * - `date`: `2024-01-15` (`%Y-%m-%d`)
 * - `time` (exactly `only="time"`): `10:30`
 * - `month` (month without date): `%Y-%m-%d` too, the day ignored: `2024-01-01`
 * - `year` (year alone): `%Y-%m-%d` too, month and day ignored: `2024-01-01`
 */
export type DateTimeMode = 'datetime' | 'date' | 'time' | 'month' | 'year';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
}

/** A date for every mode but `time`, a time for `datetime` and `time`. */
export interface DateTimeValue {
  date?: CalendarDate;
  time?: ClockTime;
}

export interface YearRange {
  from: number;
  to: number;
}

export interface DateTimeFormat {
  mode: DateTimeMode;
  /** Label Studio compares these raw strings with a value's ISO date (`YYYY-MM-DD`, or `YYYY` when comparesYears). */
  min?: string;
  max?: string;
  /** `only` names year: Label Studio compares only the year with min and max, and shows a year drop-down. */
  comparesYears: boolean;
  /** The years that drop-down offers (min, default 2000, to max, default the current year). */
  years?: YearRange;
}

const ONLY_PARTS = new Set(['date', 'time', 'month', 'year']);
const DEFAULT_FIRST_YEAR = '2000';
const CURRENT_YEAR = 'current';
const STORED_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const STORED_TIME = /^(\d{2}):(\d{2})$/;
const STORED_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
/** Label Studio takes the time bounds of a time input from min and max this way. */
const BOUND_TIME = /(\d?\d):(\d\d)/;

/** The mode of an `only` attribute, or null for parts Label Studio cannot store sensibly (time with month or year). */
function modeOf(only: string): DateTimeMode | null {
  if (only === 'time') return 'time';
  const parts = only.split(',').map((part) => part.trim());
  if (!parts.every((part) => ONLY_PARTS.has(part))) return null;
  if (parts.includes('date')) return parts.includes('time') ? 'datetime' : 'date';
  if (parts.includes('time')) return null;
  return parts.includes('month') ? 'month' : 'year';
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatClockTime(time: ClockTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A date on the calendar with a four-digit year, as Label Studio's date input requires. */
export function isRealDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isRealTime(time: ClockTime): boolean {
  return time.hour >= 0 && time.hour <= 23 && time.minute >= 0 && time.minute <= 59;
}

/** The value as Label Studio stores it for this mode. */
export function formatStoredValue(value: DateTimeValue, mode: DateTimeMode): string {
  const date = value.date === undefined ? '' : formatIsoDate(value.date);
  const time = value.time === undefined ? '' : formatClockTime(value.time);
  if (mode === 'time') return time;
  return mode === 'datetime' ? `${date}T${time}` : date;
}

/** A stored value read in this mode's exact format, or null; the calendar is not checked here. */
export function parseStoredValue(text: string, mode: DateTimeMode): DateTimeValue | null {
  if (mode === 'time') {
    const match = STORED_TIME.exec(text);
    return match === null ? null : { time: { hour: Number(match[1]), minute: Number(match[2]) } };
  }
  if (mode === 'datetime') {
    const match = STORED_DATE_TIME.exec(text);
    if (match === null) return null;
    const [, year, month, day, hour, minute] = match.map(Number);
    return { date: { year: year ?? 0, month: month ?? 0, day: day ?? 0 }, time: { hour: hour ?? 0, minute: minute ?? 0 } };
  }
  const match = STORED_DATE.exec(text);
  if (match === null) return null;
  const [, year, month, day] = match.map(Number);
  return { date: { year: year ?? 0, month: month ?? 0, day: day ?? 0 } };
}

/** `HH:MM` of a min or max time bound, taken the way Label Studio takes it, or undefined. */
export function boundTime(bound: string | undefined): string | undefined {
  const match = bound === undefined ? null : BOUND_TIME.exec(bound);
  return match === null ? undefined : `${pad(Number(match[1]))}:${match[2]}`;
}

/** Label Studio's `getYear`: `current`, a four-character year, or the year of a stored value. */
function yearOf(bound: string, mode: DateTimeMode, currentYear: number): number | undefined {
  if (bound === CURRENT_YEAR) return currentYear;
  if (bound.length === 4) return /^\d{4}$/.test(bound) ? Number(bound) : undefined;
  return parseStoredValue(bound, mode)?.date?.year;
}

function readYearRange(format: DateTimeFormat, currentYear: number): YearRange | null {
  const from = yearOf(format.min ?? DEFAULT_FIRST_YEAR, format.mode, currentYear);
  const to = yearOf(format.max ?? CURRENT_YEAR, format.mode, currentYear);
  return from === undefined || to === undefined || from > to ? null : { from, to };
}

/**
 * How a DateTime control stores and bounds its value, or null when prelabel cannot fill it: `only` with parts
 * Label Studio cannot store sensibly, a custom `format` (its strftime subset is not supported yet), or a year
 * drop-down without a usable year range.
 */
export function readDateTimeFormat(control: ControlTag, currentYear: number): DateTimeFormat | null {
  const only = readControlAttribute(control, 'only');
  const mode = only === undefined ? 'datetime' : modeOf(only);
  if (mode === null) return null;
  if (mode !== 'time' && readControlAttribute(control, 'format') !== undefined) return null;
  const min = readControlAttribute(control, 'min');
  const max = readControlAttribute(control, 'max');
  const comparesYears = only?.split(',').some((part) => part.trim() === 'year') ?? false;
  const format: DateTimeFormat = {
    mode,
    comparesYears,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  };
  if (!comparesYears) return format;
  const years = readYearRange(format, currentYear);
  return years === null ? null : { ...format, years };
}
