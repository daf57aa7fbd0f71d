import type { PredictionTarget } from '../../core/spec/label-config';
import type { PromptTarget } from '../../core/spec/stages';
import { choicesTask } from '../../tasks/choices/choices-task';
import { dateTimeTask } from '../../tasks/datetime/datetime-task';
import { hypertextLabelsTask, labelsOnHypertextTask } from '../../tasks/hypertext-labels/hypertext-labels-task';
import { labelsTask } from '../../tasks/labels/labels-task';
import { numberTask } from '../../tasks/number/number-task';
import { pairwiseTask } from '../../tasks/pairwise/pairwise-task';
import { paragraphLabelsTask } from '../../tasks/paragraph-labels/paragraph-labels-task';
import { ratingTask } from '../../tasks/rating/rating-task';
import { taxonomyTask } from '../../tasks/taxonomy/taxonomy-task';
import { textAreaTask } from '../../tasks/textarea/textarea-task';

/** Every built-in task (the first of a control type is the one `withBuiltinTask` picks). */
export const BUILTIN_TASKS = [choicesTask, labelsTask, hypertextLabelsTask, labelsOnHypertextTask, paragraphLabelsTask, textAreaTask, ratingTask, numberTask, dateTimeTask, taxonomyTask, pairwiseTask];

/** A target as the pipeline hands it to the evaluation: with the built-in task of its control type, which scores it. */
export function withBuiltinTask(target: PredictionTarget): PromptTarget {
  const task = BUILTIN_TASKS.find((candidate) => candidate.controlType === target.control.type);
  if (!task) throw new Error(`no built-in task fills ${target.control.type}`);
  return { ...target, task };
}
