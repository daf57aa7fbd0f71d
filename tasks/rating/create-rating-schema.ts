import type { JsonSchema } from '../../core/spec/language-model';
import type { ControlTag } from '../../core/spec/label-config';
import { readControlAttribute } from '../shared/read-control-attribute';

/** Label Studio's `maxRating` when the attribute is absent. */
export const DEFAULT_MAX_RATING = 5;
/** The largest scale prelabel fills; beyond it the star row is unusable and the enum pointless. */
export const MAX_SUPPORTED_RATING = 100;

/**
 * `maxRating` as a whole number from 1 to 100 (5 when absent), or null when it is not one: Label Studio draws
 * `Number(maxRating)` stars, and its SDK validator reads the attribute with Python's `int()`.
 */
export function readMaxRating(control: ControlTag): number | null {
  const maxRating = readControlAttribute(control, 'maxRating');
  if (maxRating === undefined) return DEFAULT_MAX_RATING;
  if (!/^\d{1,3}$/.test(maxRating.trim())) return null;
  const value = Number(maxRating.trim());
  return value >= 1 && value <= MAX_SUPPORTED_RATING ? value : null;
}

/** The ratings an answer may give: 1 to maxRating (0 means "not rated" to Label Studio). */
export function ratingValues(maxRating: number): number[] {
  return Array.from({ length: maxRating }, (_unused, index) => index + 1);
}

function describeRatingAnswer(control: ControlTag, maxRating: number): string {
  const scale = `a whole number from 1 (lowest) to ${maxRating} (highest)`;
  const name = JSON.stringify(control.name);
  return control.required
    ? `The rating for ${name}: ${scale}.`
    : `The rating for ${name}: ${scale}, or null when the task data does not support a rating.`;
}

/** The answer schema of one Rating control, valid for OpenAI strict structured output. */
export function createRatingSchema(control: ControlTag): JsonSchema {
  const maxRating = readMaxRating(control) ?? DEFAULT_MAX_RATING;
  const rating = { type: 'integer', enum: ratingValues(maxRating) };
  const description = describeRatingAnswer(control, maxRating);
  if (control.required) return { ...rating, description };
  return { anyOf: [rating, { type: 'null' }], description };
}
