import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import {
  type DateTimeFormat,
  type DateTimeMode,
  type DateTimeValue,
  boundTime,
  formatClockTime,
  formatIsoDate,
  isRealDate,
  isRealTime,
  parseStoredValue,
  readDateTimeFormat,
} from './read-datetime-format';

const STORED_LAYOUTS: Record<DateTimeMode, string> = {
  datetime: 'YYYY-MM-DDTHH:MM',
  date: 'YYYY-MM-DD',
  time: 'HH:MM',
  month: 'YYYY-MM-DD',
  year: 'YYYY-MM-DD',
};

function findTimeRangeProblem(time: string, format: DateTimeFormat): string | null {
  const min = boundTime(format.min);
  const max = boundTime(format.max);
  if (min !== undefined && time < min) return `${time} is before min ${min}`;
  if (max !== undefined && time > max) return `${time} is after max ${max}`;
  return null;
}

/** Label Studio's own check (`DateTime.validateValue`): the ISO date, or its year, compared as text with min and max. */
function findDateRangeProblem(isoDate: string, format: DateTimeFormat): string | null {
  const compared = format.comparesYears ? isoDate.slice(0, 4) : isoDate;
  if (format.min !== undefined && compared < format.min) return `${compared} is before min ${format.min}`;
  if (format.max !== undefined && compared > format.max) return `${compared} is after max ${format.max}`;
  return null;
}

/** Why a date or time breaks the control's bounds as Label Studio shows and checks them, or null. */
export function findDateTimeProblem(value: DateTimeValue, format: DateTimeFormat): string | null {
  const { date, time } = value;
  if (time !== undefined && !isRealTime(time)) return `${formatClockTime(time)} is not a time of day`;
  if (format.mode === 'time') return time === undefined ? 'no time' : findTimeRangeProblem(formatClockTime(time), format);
  if (date === undefined) return 'no date';
  const isoDate = formatIsoDate(date);
  if (!isRealDate(date)) return `${isoDate} is not a date on the calendar with a four-digit year`;
  const { years } = format;
  if (years !== undefined && (date.year < years.from || date.year > years.to)) {
    return `the year drop-down offers ${years.from} to ${years.to}, not ${date.year}`;
  }
  return findDateRangeProblem(isoDate, format);
}

/** Why a `datetime` result is invalid for this control, or null when it is valid. */
export function validateDateTimeResult(result: ResultDraft, control: ControlTag, currentYear: number): string | null {
  if (result.type !== 'datetime') return `type is ${quoteText(String(result.type))}, expected "datetime"`;
  const format = readDateTimeFormat(control, currentYear);
  if (format === null) return `"${control.name}" has an only, format, min or max prelabel cannot fill`;
  const stored: unknown = result.value?.datetime;
  if (typeof stored !== 'string') return `value.datetime is ${describeKind(stored)}, not a string`;
  const value = parseStoredValue(stored, format.mode);
  if (value === null) return `value.datetime ${quoteText(stored)} is not written as ${STORED_LAYOUTS[format.mode]}`;
  return findDateTimeProblem(value, format);
}
