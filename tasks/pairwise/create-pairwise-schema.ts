import type { JsonSchema } from '../../core/spec/language-model';
import type { ObjectTag, PredictionTarget } from '../../core/spec/label-config';

/** What a Pairwise result stores in `value.selected`. */
export const PAIRWISE_SIDES = ['left', 'right'] as const;
export type PairwiseSide = (typeof PAIRWISE_SIDES)[number];

export interface PairwiseObjects {
  left: ObjectTag;
  right: ObjectTag;
}

/**
 * The two objects compared, or null unless toName names exactly two different objects: left is the first name in
 * toName, right the second (Label Studio `Pairwise.js`), whatever their order in the config.
 */
export function findPairwiseObjects(target: PredictionTarget): PairwiseObjects | null {
  const [leftName, rightName, ...others] = target.control.toName;
  if (leftName === undefined || rightName === undefined || others.length > 0 || leftName === rightName) return null;
  const left = target.objects.find((object) => object.name === leftName);
  const right = target.objects.find((object) => object.name === rightName);
  return left === undefined || right === undefined ? null : { left, right };
}

/** `<text1>`: how prompts name an object, by the task data field it shows. */
export function describeObject(object: ObjectTag): string {
  return `<${object.dataField ?? object.name}>`;
}

function describePairwiseAnswer(target: PredictionTarget): string {
  const objects = findPairwiseObjects(target);
  const sides = objects === null ? '' : ` ("left" is ${describeObject(objects.left)}, "right" is ${describeObject(objects.right)})`;
  const answer = `The better of the two for ${JSON.stringify(target.control.name)}${sides}`;
  return target.control.required ? `${answer}.` : `${answer}, or null when neither is better.`;
}

/** The answer schema of one Pairwise control, valid for OpenAI strict structured output. */
export function createPairwiseSchema(target: PredictionTarget): JsonSchema {
  const side = { type: 'string', enum: [...PAIRWISE_SIDES] };
  const description = describePairwiseAnswer(target);
  if (target.control.required) return { ...side, description };
  return { anyOf: [side, { type: 'null' }], description };
}
