import type { Registry } from '../core/registry';
import { choicesTask } from './choices/choices-task';
import { dateTimeTask } from './datetime/datetime-task';
import { numberTask } from './number/number-task';
import { pairwiseTask } from './pairwise/pairwise-task';
import { ratingTask } from './rating/rating-task';
import { taxonomyTask } from './taxonomy/taxonomy-task';
import { textAreaTask } from './textarea/textarea-task';

/** Registers every built-in control task; the first task that supports a control fills it. */
export function registerBuiltinTasks(registry: Registry): void {
  for (const task of [choicesTask, textAreaTask, ratingTask, numberTask, dateTimeTask, taxonomyTask, pairwiseTask]) {
    registry.registerTask(task);
  }
}
