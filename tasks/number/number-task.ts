import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ControlTask } from '../../core/control-task';
import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { findPackageRoot } from '../../core/package-root';
import {
  createNumberSchema,
  describeNumberConstraints,
  readAttribute,
  readNumberConstraints,
  takesIntegers,
} from './create-number-schema';
import { mapNumberResult } from './map-number-result';
import { parseNumberAnswer } from './parse-number-answer';
import { validateNumberResult } from './validate-number-result';

const TEXT_OBJECT_TYPES = new Set(['Text', 'HyperText', 'Paragraphs']);
const PROMPT_TEMPLATE_PATH = 'tasks/number/number.v1.prompt.txt';

let promptTemplate: string | undefined;

function readPromptTemplate(): string {
  promptTemplate ??= readFileSync(path.join(findPackageRoot(__dirname), PROMPT_TEMPLATE_PATH), 'utf8');
  return promptTemplate;
}

/** Replaces each `{name}` with its value in one pass, so braces inside values stay as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
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
  return control.required ? 'Always give your best estimate.' : 'If the task data gives no such number, answer null.';
}

/** The prompt section for one Number control: its range and step, its hint, and when to abstain. */
export function createNumberInstructions(target: PredictionTarget): string {
  const { control } = target;
  const constraints = readNumberConstraints(control) ?? {};
  const limits = describeNumberConstraints(constraints);
  return fillTemplate(readPromptTemplate(), {
    controlName: control.name,
    objectNames: describeObjects(target),
    kind: takesIntegers(constraints) ? 'a whole number' : 'a number',
    constraints: limits === '' ? '' : ` ${limits}`,
    notes: describeNotes(control),
    formatRule: 'Write it as a plain JSON number, without units or thousands separators.',
    absenceRule: absenceRule(control),
  }).trimEnd();
}

function isTextObjectWithData(object: ObjectTag): boolean {
  return TEXT_OBJECT_TYPES.has(object.type) && object.dataField !== null;
}

/** Whole-task Numbers with usable min, max and step on text-like objects that show task data. */
export function supportsNumber(target: PredictionTarget): boolean {
  const { control, objects } = target;
  return (
    control.type === 'Number' &&
    !control.perRegion &&
    readNumberConstraints(control) !== null &&
    objects.length > 0 &&
    objects.every(isTextObjectWithData)
  );
}

export const numberTask: ControlTask = {
  name: 'number.v1',
  controlType: 'Number',
  supports: supportsNumber,
  instructions: createNumberInstructions,
  schema: (target) => createNumberSchema(target.control),
  parse: (raw, target) => parseNumberAnswer(raw, target.control),
  map: (value, target) => mapNumberResult(value, target),
  validate: (result, target) => validateNumberResult(result, target.control),
};
