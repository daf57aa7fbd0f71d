import type { ControlTask } from '../core/spec/control-task';
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

/** Every built-in task, in registration order. */
export const BUILTIN_TASKS: readonly ControlTask[] = Object.freeze([
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
]);

/**
 * The task each control type gets when YAML names none (`controls.<name>.task` names another, e.g. a plugin's).
 * `Labels` has two: spans in a `<Text>`, then spans in a `<HyperText>`; the first that supports the control fills it.
 */
export const DEFAULT_TASK_BY_CONTROL: Readonly<Record<string, readonly string[]>> = Object.freeze({
  Choices: [choicesTask.name],
  Labels: [labelsTask.name, labelsOnHypertextTask.name],
  HyperTextLabels: [hypertextLabelsTask.name],
  ParagraphLabels: [paragraphLabelsTask.name],
  TextArea: [textAreaTask.name],
  Rating: [ratingTask.name],
  Number: [numberTask.name],
  DateTime: [dateTimeTask.name],
  Taxonomy: [taxonomyTask.name],
  Pairwise: [pairwiseTask.name],
});

/** Registers every built-in control task under its name, and the default task of each control type. */
export function registerBuiltinTasks(registry: Registry): void {
  for (const task of BUILTIN_TASKS) {
    registry.register('task', task.name, task);
  }
  for (const [controlType, taskNames] of Object.entries(DEFAULT_TASK_BY_CONTROL)) {
    registry.setDefaultTasks(controlType, taskNames);
  }
}
