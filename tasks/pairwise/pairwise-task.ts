import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ControlTask } from '../../core/control-task';
import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { findPackageRoot } from '../../core/package-root';
import { createPairwiseSchema, describeObject, findPairwiseObjects, readAttribute } from './create-pairwise-schema';
import { mapPairwiseResult } from './map-pairwise-result';
import { parsePairwiseAnswer } from './parse-pairwise-answer';
import { validatePairwiseResult } from './validate-pairwise-result';

const TEXT_OBJECT_TYPES = new Set(['Text', 'HyperText', 'Paragraphs']);
const PROMPT_TEMPLATE_PATH = 'tasks/pairwise/pairwise.v1.prompt.txt';

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

function describeNotes(control: ControlTag): string {
  const hint = readAttribute(control, 'hint');
  return hint === undefined ? '' : `  Hint: ${oneLine(hint)}\n`;
}

function absenceRule(control: ControlTag): string {
  return control.required ? 'Always pick one.' : 'If neither is better, answer null.';
}

/** The prompt section for one Pairwise control: which object is left and which right, its hint, and when to abstain. */
export function createPairwiseInstructions(target: PredictionTarget): string {
  const { control } = target;
  const objects = findPairwiseObjects(target);
  return fillTemplate(readPromptTemplate(), {
    controlName: control.name,
    left: objects === null ? 'the left object' : describeObject(objects.left),
    right: objects === null ? 'the right object' : describeObject(objects.right),
    notes: describeNotes(control),
    absenceRule: absenceRule(control),
  }).trimEnd();
}

function isTextObjectWithData(object: ObjectTag): boolean {
  return TEXT_OBJECT_TYPES.has(object.type) && object.dataField !== null;
}

/** Pairwise controls comparing exactly two different text-like objects that show task data. */
export function supportsPairwise(target: PredictionTarget): boolean {
  const { control } = target;
  const objects = findPairwiseObjects(target);
  return (
    control.type === 'Pairwise' &&
    !control.perRegion &&
    objects !== null &&
    isTextObjectWithData(objects.left) &&
    isTextObjectWithData(objects.right)
  );
}

export const pairwiseTask: ControlTask = {
  name: 'pairwise.v1',
  controlType: 'Pairwise',
  supports: supportsPairwise,
  instructions: createPairwiseInstructions,
  schema: createPairwiseSchema,
  parse: parsePairwiseAnswer,
  map: (value, target) => mapPairwiseResult(value, target),
  validate: (result) => validatePairwiseResult(result),
};
