import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ControlTask } from '../../core/control-task';
import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { findPackageRoot } from '../../core/package-root';
import { createTextAreaSchema, isSingleLine, readAttribute, readMaxSubmissions, textLimit } from './create-textarea-schema';
import { mapTextAreaResult } from './map-textarea-result';
import { parseTextAreaAnswer } from './parse-textarea-answer';
import { validateTextAreaResult } from './validate-textarea-result';

const TEXT_OBJECT_TYPES = new Set(['Text', 'HyperText', 'Paragraphs']);
const PROMPT_TEMPLATE_PATH = 'tasks/textarea/textarea.v1.prompt.txt';

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

function countRule(control: ControlTag): string {
  const limit = textLimit(control);
  return limit > 1 ? `up to ${limit} separate texts (a list, each text once)` : 'one text';
}

function describeNotes(control: ControlTag): string {
  const hint = readAttribute(control, 'hint');
  const placeholder = readAttribute(control, 'placeholder');
  const notes = [
    ...(hint === undefined ? [] : [`  Hint: ${oneLine(hint)}`]),
    ...(placeholder === undefined ? [] : [`  Placeholder shown to annotators: ${JSON.stringify(oneLine(placeholder))}`]),
  ];
  return notes.map((note) => `${note}\n`).join('');
}

function formatRule(control: ControlTag): string {
  return isSingleLine(control) ? 'Keep each text on one line.' : 'Line breaks are allowed.';
}

function absenceRule(control: ControlTag): string {
  if (textLimit(control) > 1) {
    return control.required
      ? 'Write at least one text.'
      : 'If the task data gives nothing to write, answer an empty list.';
  }
  return control.required ? 'Always write a text.' : 'If the task data gives nothing to write, answer null.';
}

/** The prompt section for one TextArea control: how many texts, its hint and placeholder, and when to abstain. */
export function createTextAreaInstructions(target: PredictionTarget): string {
  const { control } = target;
  return fillTemplate(readPromptTemplate(), {
    controlName: control.name,
    objectNames: describeObjects(target),
    countRule: countRule(control),
    notes: describeNotes(control),
    formatRule: formatRule(control),
    absenceRule: absenceRule(control),
  }).trimEnd();
}

function isTextObjectWithData(object: ObjectTag): boolean {
  return TEXT_OBJECT_TYPES.has(object.type) && object.dataField !== null;
}

function hasUsableMaxSubmissions(control: ControlTag): boolean {
  const maxSubmissions = readMaxSubmissions(control);
  return maxSubmissions === undefined || maxSubmissions >= 1;
}

/** Whole-task TextAreas on text-like objects that show task data (interactive prompt TextAreas never get here: see core/select-targets.ts). */
export function supportsTextArea(target: PredictionTarget): boolean {
  const { control, objects } = target;
  return (
    control.type === 'TextArea' &&
    !control.perRegion &&
    hasUsableMaxSubmissions(control) &&
    objects.length > 0 &&
    objects.every(isTextObjectWithData)
  );
}

export const textAreaTask: ControlTask = {
  name: 'textarea.v1',
  controlType: 'TextArea',
  supports: supportsTextArea,
  instructions: createTextAreaInstructions,
  schema: (target) => createTextAreaSchema(target.control),
  parse: (raw, target) => parseTextAreaAnswer(raw, target.control),
  map: (value, target) => mapTextAreaResult(value, target),
  validate: (result, target) => validateTextAreaResult(result, target.control),
};
