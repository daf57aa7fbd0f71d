import type { ControlTask } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { describeHint } from '../shared/describe-hint';
import { describeObjects } from '../shared/describe-objects';
import { fillTemplate } from '../shared/fill-template';
import { isTextOrImageObjectWithData } from '../shared/is-text-or-image-object-with-data';
import { readPromptTemplate } from '../shared/read-prompt-template';
import { scoreExactMatch } from '../shared/score-exact-match';
import { DEFAULT_MAX_RATING, createRatingSchema, readMaxRating } from './create-rating-schema';
import { mapRatingResult } from './map-rating-result';
import { parseRatingAnswer } from './parse-rating-answer';
import { validateRatingResult } from './validate-rating-result';

const PROMPT_TEMPLATE_PATH = 'tasks/rating/rating.v1.prompt.txt';

function absenceRule(control: ControlTag): string {
  return control.required ? 'Always give the closest rating.' : 'If the task data does not support a rating, answer null.';
}

/** The prompt section for one Rating control: its scale, its hint, and when to abstain. */
export function createRatingInstructions(target: PredictionTarget): string {
  const { control } = target;
  return fillTemplate(readPromptTemplate(PROMPT_TEMPLATE_PATH), {
    controlName: control.name,
    objectNames: describeObjects(target),
    maxRating: String(readMaxRating(control) ?? DEFAULT_MAX_RATING),
    notes: describeHint(control),
    absenceRule: absenceRule(control),
  }).trimEnd();
}

/** Whole-task Ratings with a usable maxRating on text-like objects that show task data. */
export function supportsRating(target: PredictionTarget): boolean {
  const { control, objects } = target;
  return (
    control.type === 'Rating' &&
    !control.perRegion &&
    readMaxRating(control) !== null &&
    objects.length > 0 &&
    objects.every(isTextOrImageObjectWithData)
  );
}

export const ratingTask: ControlTask = {
  name: 'rating.v1',
  controlType: 'Rating',
  objectTypes: ['Text', 'HyperText', 'Paragraphs', 'Image'],
  supports: supportsRating,
  instructions: createRatingInstructions,
  schema: (target) => createRatingSchema(target.control),
  parse: (raw, target) => parseRatingAnswer(raw, target.control),
  map: (value, target) => mapRatingResult(value, target),
  validate: (result, target) => validateRatingResult(result, target.control),
  score: scoreExactMatch,
};
