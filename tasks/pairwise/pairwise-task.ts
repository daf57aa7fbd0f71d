import type { ControlTask } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { describeHint } from '../shared/describe-hint';
import { fillTemplate } from '../shared/fill-template';
import { isTextObjectWithData } from '../shared/is-text-object-with-data';
import { readPromptTemplate } from '../shared/read-prompt-template';
import { scoreExactMatch } from '../shared/score-exact-match';
import { createPairwiseSchema, describeObject, findPairwiseObjects } from './create-pairwise-schema';
import { mapPairwiseResult } from './map-pairwise-result';
import { parsePairwiseAnswer } from './parse-pairwise-answer';
import { validatePairwiseResult } from './validate-pairwise-result';

const PROMPT_TEMPLATE_PATH = 'tasks/pairwise/pairwise.v1.prompt.txt';

function absenceRule(control: ControlTag): string {
  return control.required ? 'Always pick one.' : 'If neither is better, answer null.';
}

/** The prompt section for one Pairwise control: which object is left and which right, its hint, and when to abstain. */
export function createPairwiseInstructions(target: PredictionTarget): string {
  const { control } = target;
  const objects = findPairwiseObjects(target);
  return fillTemplate(readPromptTemplate(PROMPT_TEMPLATE_PATH), {
    controlName: control.name,
    left: objects === null ? 'the left object' : describeObject(objects.left),
    right: objects === null ? 'the right object' : describeObject(objects.right),
    notes: describeHint(control),
    absenceRule: absenceRule(control),
  }).trimEnd();
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
  objectTypes: ['Text', 'HyperText', 'Paragraphs'],
  supports: supportsPairwise,
  instructions: createPairwiseInstructions,
  schema: createPairwiseSchema,
  parse: parsePairwiseAnswer,
  map: (value, target) => mapPairwiseResult(value, target),
  validate: (result) => validatePairwiseResult(result),
  score: scoreExactMatch,
};
