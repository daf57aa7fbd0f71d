import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ControlTask } from '../../core/control-task';
import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { findPackageRoot } from '../../core/package-root';
import { ANSWER_LAYOUTS, createDateTimeSchema, describeDateTimeRange } from './create-datetime-schema';
import { mapDateTimeResult } from './map-datetime-result';
import { parseDateTimeAnswer } from './parse-datetime-answer';
import { readAttribute, readDateTimeFormat } from './read-datetime-format';
import { validateDateTimeResult } from './validate-datetime-result';

const TEXT_OBJECT_TYPES = new Set(['Text', 'HyperText', 'Paragraphs']);
const PROMPT_TEMPLATE_PATH = 'tasks/datetime/datetime.v1.prompt.txt';

let promptTemplate: string | undefined;

function readPromptTemplate(): string {
  promptTemplate ??= readFileSync(path.join(findPackageRoot(__dirname), PROMPT_TEMPLATE_PATH), 'utf8');
  return promptTemplate;
}

/** Replaces each `{name}` with its value in one pass, so braces inside values stay as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** The year Label Studio's year drop-down ends at when `max` is not set: the labeling browser's current year. */
function currentYear(): number {
  return new Date().getFullYear();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function describeObjects(target: PredictionTarget): string {
  return target.objects.map((object) => `<${object.dataField ?? object.name}>`).join(' and ');
}

function describeNotes(control: ControlTag): string {
  const hint = readAttribute(control, 'hint');
  return hint === undefined ? '' : `  Hint: ${oneLine(hint)}\n`;
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
  return fillTemplate(readPromptTemplate(), {
    controlName: control.name,
    objectNames: describeObjects(target),
    kind,
    range: range === '' ? '' : `, ${range}`,
    notes: describeNotes(control),
    layout,
    example,
    absenceRule: absenceRule(control),
  }).trimEnd();
}

function isTextObjectWithData(object: ObjectTag): boolean {
  return TEXT_OBJECT_TYPES.has(object.type) && object.dataField !== null;
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
  supports: (target) => supportsDateTime(target),
  instructions: (target) => createDateTimeInstructions(target),
  schema: (target) => createDateTimeSchema(target.control, currentYear()),
  parse: (raw, target) => parseDateTimeAnswer(raw, target.control, currentYear()),
  map: (value, target) => mapDateTimeResult(value, target),
  validate: (result, target) => validateDateTimeResult(result, target.control, currentYear()),
};
