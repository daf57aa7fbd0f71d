import type { JsonSchema } from '../../core/spec/language-model';
import type { ControlTag } from '../../core/spec/label-config';
import { type DateTimeFormat, type DateTimeMode, boundTime, readDateTimeFormat } from './read-datetime-format';

export interface AnswerLayout {
  /** What the answer is, in words. */
  kind: string;
  /** The layout people read, e.g. `YYYY-MM-DD`. */
  layout: string;
  example: string;
  /** The JSON-schema `pattern` the answer must match. */
  pattern: string;
}

const YEAR = '[1-9][0-9]{3}';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[12][0-9]|3[01])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]';

/** What the model answers for each mode; the parser turns it into what Label Studio stores. */
export const ANSWER_LAYOUTS: Record<DateTimeMode, AnswerLayout> = {
  datetime: { kind: 'a date and time', layout: 'YYYY-MM-DDTHH:MM', example: '2024-01-15T14:30', pattern: `^${YEAR}-${MONTH}-${DAY}T${TIME}$` },
  date: { kind: 'a date', layout: 'YYYY-MM-DD', example: '2024-01-15', pattern: `^${YEAR}-${MONTH}-${DAY}$` },
  time: { kind: 'a time of day (24-hour clock)', layout: 'HH:MM', example: '14:30', pattern: `^${TIME}$` },
  month: { kind: 'a month', layout: 'YYYY-MM', example: '2024-01', pattern: `^${YEAR}-${MONTH}$` },
  year: { kind: 'a year', layout: 'YYYY', example: '2024', pattern: `^${YEAR}$` },
};

/** `not before 2020-01-01, not after 2025-12-31, a year from 2000 to 2025`, or '' when unbounded. */
export function describeDateTimeRange(format: DateTimeFormat): string {
  const min = format.mode === 'time' ? boundTime(format.min) : format.min;
  const max = format.mode === 'time' ? boundTime(format.max) : format.max;
  const bounds = [
    ...(min === undefined ? [] : [`not before ${min}`]),
    ...(max === undefined ? [] : [`not after ${max}`]),
    ...(format.years === undefined ? [] : [`a year from ${format.years.from} to ${format.years.to}`]),
  ];
  return bounds.join(', ');
}

function describeDateTimeAnswer(control: ControlTag, format: DateTimeFormat): string {
  const { kind, layout } = ANSWER_LAYOUTS[format.mode];
  const range = describeDateTimeRange(format);
  const answer = `${kind[0]?.toUpperCase()}${kind.slice(1)} for ${JSON.stringify(control.name)} as ${layout}${range === '' ? '' : `, ${range}`}`;
  return control.required ? `${answer}.` : `${answer}; null when the task data does not state one.`;
}

/** The answer schema of one DateTime control, valid for OpenAI strict structured output (`pattern` included). */
export function createDateTimeSchema(control: ControlTag, currentYear: number): JsonSchema {
  const format = readDateTimeFormat(control, currentYear) ?? { mode: 'datetime', comparesYears: false };
  const answer = { type: 'string', pattern: ANSWER_LAYOUTS[format.mode].pattern };
  const description = describeDateTimeAnswer(control, format);
  if (control.required) return { ...answer, description };
  return { anyOf: [answer, { type: 'null' }], description };
}
