import type { Registry } from '../core/registry';
import { choicesTask } from './choices/choices-task';
import { dateTimeTask } from './datetime/datetime-task';
import { hypertextLabelsTask, labelsOnHypertextTask } from './hypertext-labels/hypertext-labels-task';
import { labelsTask } from './labels/labels-task';
import { numberTask } from './number/number-task';
import { pairwiseTask } from './pairwise/pairwise-task';
import { paragraphLabelsTask } from './paragraph-labels/paragraph-labels-task';
import { ratingTask } from './rating/rating-task';
import { taxonomyTask } from './taxonomy/taxonomy-task';
import { textAreaTask } from './textarea/textarea-task';

/** Registers every built-in control task; the first task that supports a control fills it. */
export function registerBuiltinTasks(registry: Registry): void {
  const tasks = [
    choicesTask,
    labelsTask,
    hypertextLabelsTask,
    labelsOnHypertextTask,
    paragraphLabelsTask,
    textAreaTask,
    ratingTask,
    numberTask,
    dateTimeTask,
    taxonomyTask,
    pairwiseTask,
  ];
  for (const task of tasks) {
    registry.registerTask(task);
  }
}
