import type { ControlTask } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { describeHint } from '../shared/describe-hint';
import { describeObjects } from '../shared/describe-objects';
import { fillTemplate } from '../shared/fill-template';
import { isTextObjectWithData } from '../shared/is-text-object-with-data';
import { readPromptTemplate } from '../shared/read-prompt-template';
import { scoreExactMatch } from '../shared/score-exact-match';
import { ANSWER_LAYOUTS, createDateTimeSchema, describeDateTimeRange } from './create-datetime-schema';
import { mapDateTimeResult } from './map-datetime-result';
import { parseDateTimeAnswer } from './parse-datetime-answer';
import { readDateTimeFormat } from './read-datetime-format';
import { validateDateTimeResult } from './validate-datetime-result';

const PROMPT_TEMPLATE_PATH = 'tasks/datetime/datetime.v1.prompt.txt';

/** The year Label Studio's year drop-down ends at when `max` is not set: the labeling browser's current year. */
function currentYear(): number {
  return new Date().getFullYear();
}

function absenceRule(control: ControlTag): string {
  return control.required ? 'Always give your best estimate.' : 'If the task data does not state one, answer null.';
}

/** The prompt section for one DateTime control: what to give, its layout and bounds, its hint, and when to abstain. */
export function createDateTimeInstructions(target: PredictionTarget, year: number = currentYear()): string {
  const { control } = target;
  const format = readDateTimeFormat(control, year) ?? { mode: 'datetime', comparesYears: false };
  const { kind, layout, example } = ANSWER_LAYOUTS[format.mode];
  const range = describeDateTimeRange(format);
  return fillTemplate(readPromptTemplate(PROMPT_TEMPLATE_PATH), {
    controlName: control.name,
    objectNames: describeObjects(target),
    kind,
    range: range === '' ? '' : `, ${range}`,
    notes: describeHint(control),
    layout,
    example,
    absenceRule: absenceRule(control),
  }).trimEnd();
}

/** Whole-task DateTimes whose `only`, `format`, `min` and `max` prelabel can honour, on text-like objects with data. */
export function supportsDateTime(target: PredictionTarget, year: number = currentYear()): boolean {
  const { control, objects } = target;
  return (
    control.type === 'DateTime' &&
    !control.perRegion &&
    readDateTimeFormat(control, year) !== null &&
    objects.length > 0 &&
    objects.every(isTextObjectWithData)
  );
}

export const dateTimeTask: ControlTask = {
  name: 'datetime.v1',
  controlType: 'DateTime',
  objectTypes: ['Text', 'HyperText', 'Paragraphs'],
  supports: (target) => supportsDateTime(target),
  instructions: (target) => createDateTimeInstructions(target),
  schema: (target) => createDateTimeSchema(target.control, currentYear()),
  parse: (raw, target) => parseDateTimeAnswer(raw, target.control, currentYear()),
  map: (value, target) => mapDateTimeResult(value, target),
  validate: (result, target) => validateDateTimeResult(result, target.control, currentYear()),
  score: scoreExactMatch,
};
