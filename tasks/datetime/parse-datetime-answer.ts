import type { ControlParseResult } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { abstain } from '../shared/abstain';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { ANSWER_LAYOUTS } from './create-datetime-schema';
import {
  type CalendarDate,
  type ClockTime,
  type DateTimeMode,
  type DateTimeValue,
  formatIsoDate,
  formatStoredValue,
  isRealDate,
  readDateTimeFormat,
} from './read-datetime-format';
import { findDateTimeProblem } from './validate-datetime-result';

/** The value as Label Studio stores it, e.g. `2024-01-15T10:30`, `10:30`, or `2024-03-01` for a month. */
export type DateTimeAnswer = string;

const DATE = '(\\d{4})-(\\d{1,2})-(\\d{1,2})';
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(?:\\s*([ap])\\.?\\s*m\\.?)?';
/** What each mode accepts: its layout, single-digit months, days and hours, zero seconds, 12-hour times. */
const ANSWER_TEXT: Record<DateTimeMode, RegExp> = {
  datetime: new RegExp(`^${DATE}(?:T|\\s+)${TIME}$`, 'i'),
  date: new RegExp(`^${DATE}$`),
  time: new RegExp(`^${TIME}$`, 'i'),
  month: /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/,
  year: /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/,
};
const WRAPPING = /^[\s"'`*“”‘’]+|[\s"'`*“”‘’]+$/g;

type Reading<T> = { value: T } | { reason: string };

function readDate(year: string | undefined, month = '1', day = '1'): Reading<CalendarDate> {
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  return isRealDate(date) ? { value: date } : { reason: `${formatIsoDate(date)} is not a date on the calendar` };
}

function readTime(groups: Array<string | undefined>): Reading<ClockTime> {
  const [hour = '', minute = '', seconds, fraction, meridiem] = groups;
  if (Number(seconds ?? 0) !== 0 || Number(fraction ?? 0) !== 0) {
    return { reason: 'the time has seconds, which Label Studio does not store' };
  }
  let hours = Number(hour);
  if (meridiem !== undefined) {
    if (hours < 1 || hours > 12) return { reason: `${hour}:${minute} ${meridiem}m is not a 12-hour time` };
    hours = (hours % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const time = { hour: hours, minute: Number(minute) };
  return time.hour <= 23 && time.minute <= 59 ? { value: time } : { reason: `${hour}:${minute} is not a time of day` };
}

function readMatch(groups: Array<string | undefined>, mode: DateTimeMode): Reading<DateTimeValue> {
  if (mode === 'time') {
    const time = readTime(groups);
    return 'reason' in time ? time : { value: { time: time.value } };
  }
  const [year, month, day] = groups;
  const date = readDate(year, month, day);
  if ('reason' in date) return date;
  if (mode === 'month') return { value: { date: { ...date.value, day: 1 } } };
  if (mode === 'year') return { value: { date: { ...date.value, month: 1, day: 1 } } };
  if (mode === 'date') return { value: { date: date.value } };
  const time = readTime(groups.slice(3));
  return 'reason' in time ? time : { value: { date: date.value, time: time.value } };
}

function answerText(raw: unknown, mode: DateTimeMode): Reading<string> {
  if (typeof raw === 'string') return { value: raw.normalize('NFKC').replace(WRAPPING, '') };
  if (mode === 'year' && typeof raw === 'number' && Number.isInteger(raw)) return { value: String(raw) };
  return { reason: `the answer is not ${ANSWER_LAYOUTS[mode].kind} (got ${describeKind(raw)})` };
}

function readAnswer(raw: unknown, mode: DateTimeMode): Reading<DateTimeValue> {
  const text = answerText(raw, mode);
  if ('reason' in text) return text;
  if (text.value === '') return { reason: 'no answer' };
  const match = ANSWER_TEXT[mode].exec(text.value);
  if (match === null) {
    const { kind, layout } = ANSWER_LAYOUTS[mode];
    return { reason: `${quoteText(String(raw))} is not ${kind} written as ${layout}` };
  }
  return readMatch(match.slice(1), mode);
}

/**
 * A model's answer for a DateTime control → the value Label Studio stores for the control's `only` parts.
 * Tolerant of form (quotes, single-digit parts, a space for `T`, zero seconds, 12-hour times, a full date for a
 * month or year), strict about the value: impossible dates, seconds, time zones and out-of-range dates abstain.
 */
export function parseDateTimeAnswer(raw: unknown, control: ControlTag, currentYear: number): ControlParseResult {
  const format = readDateTimeFormat(control, currentYear);
  if (format === null) return abstain('the control has an only, format, min or max prelabel cannot fill');
  if (raw === null || raw === undefined) return abstain('no answer');
  const reading = readAnswer(raw, format.mode);
  if ('reason' in reading) return abstain(reading.reason);
  const problem = findDateTimeProblem(reading.value, format);
  if (problem !== null) return abstain(problem);
  const value: DateTimeAnswer = formatStoredValue(reading.value, format.mode);
  return { status: 'answered', value };
}
