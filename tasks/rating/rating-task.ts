import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ControlTask } from '../../core/control-task';
import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { findPackageRoot } from '../../core/package-root';
import { DEFAULT_MAX_RATING, createRatingSchema, readAttribute, readMaxRating } from './create-rating-schema';
import { mapRatingResult } from './map-rating-result';
import { parseRatingAnswer } from './parse-rating-answer';
import { validateRatingResult } from './validate-rating-result';

const TEXT_OBJECT_TYPES = new Set(['Text', 'HyperText', 'Paragraphs']);
const PROMPT_TEMPLATE_PATH = 'tasks/rating/rating.v1.prompt.txt';

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
  return control.required ? 'Always give the closest rating.' : 'If the task data does not support a rating, answer null.';
}

/** The prompt section for one Rating control: its scale, its hint, and when to abstain. */
export function createRatingInstructions(target: PredictionTarget): string {
  const { control } = target;
  return fillTemplate(readPromptTemplate(), {
    controlName: control.name,
    objectNames: describeObjects(target),
    maxRating: String(readMaxRating(control) ?? DEFAULT_MAX_RATING),
    notes: describeNotes(control),
    absenceRule: absenceRule(control),
  }).trimEnd();
}

function isTextObjectWithData(object: ObjectTag): boolean {
  return TEXT_OBJECT_TYPES.has(object.type) && object.dataField !== null;
}

/** Whole-task Ratings with a usable maxRating on text-like objects that show task data. */
export function supportsRating(target: PredictionTarget): boolean {
  const { control, objects } = target;
  return (
    control.type === 'Rating' &&
    !control.perRegion &&
    readMaxRating(control) !== null &&
    objects.length > 0 &&
    objects.every(isTextObjectWithData)
  );
}

export const ratingTask: ControlTask = {
  name: 'rating.v1',
  controlType: 'Rating',
  supports: supportsRating,
  instructions: createRatingInstructions,
  schema: (target) => createRatingSchema(target.control),
  parse: (raw, target) => parseRatingAnswer(raw, target.control),
  map: (value, target) => mapRatingResult(value, target),
  validate: (result, target) => validateRatingResult(result, target.control),
};
