import { expectedLabel, type LabelStudioTaskShape } from './create-sentiment-tasks';
import { isRecord } from '../core/shared/is-record';

export interface PredictionCheck {
  /** results.length === tasks.length. */
  countRight: boolean;
  /** Predictions with one valid choice result (the label the fake model gave that task: order is right). */
  answered: number;
  /** Predictions with `result: []` (failed tasks, and tasks the request deadline cut off). */
  empty: number;
  /** Empty predictions marked `-incomplete` (cut off by PRELABEL_PREDICT_DEADLINE_MS). */
  incomplete: number;
  /** Valid labels, but not the one the fake model gave this task: results out of task order. */
  outOfOrder: number;
  /** Predictions that are not a valid prediction for the labeling config. */
  invalid: number;
  /** The first few problems, for the report. */
  problems: string[];
}

const MOST_PROBLEMS_LISTED = 5;

/** The label of a valid single-choice result list for the sentiment config, or a description of what is wrong. */
function readChoice(result: unknown[], labels: string[]): { label: string } | { problem: string } {
  if (result.length !== 1) return { problem: `${result.length} results for one single-choice control` };
  const item = result[0];
  if (!isRecord(item)) return { problem: 'a result that is not an object' };
  if (item.from_name !== 'sentiment' || item.to_name !== 'text' || item.type !== 'choices') {
    return { problem: `from_name/to_name/type ${String(item.from_name)}/${String(item.to_name)}/${String(item.type)}` };
  }
  const choices = isRecord(item.value) ? item.value.choices : undefined;
  if (!Array.isArray(choices) || choices.length !== 1 || typeof choices[0] !== 'string' || !labels.includes(choices[0])) {
    return { problem: `choices ${JSON.stringify(choices)} not one of ${labels.join('/')}` };
  }
  return { label: choices[0] };
}

/**
 * Checks a `/predict` answer against its tasks: one prediction per task, in order, each either empty or one valid
 * choice of the config; a non-empty one must carry the label the fake model answers for that task (which differs
 * from the neighbours' labels), which proves the order.
 */
export function checkPredictions(body: unknown, tasks: LabelStudioTaskShape[], labels: string[]): PredictionCheck {
  const check: PredictionCheck = { countRight: false, answered: 0, empty: 0, incomplete: 0, outOfOrder: 0, invalid: 0, problems: [] };
  const note = (problem: string) => {
    if (check.problems.length < MOST_PROBLEMS_LISTED) check.problems.push(problem);
  };
  const results = isRecord(body) ? body.results : undefined;
  if (!Array.isArray(results)) {
    note(`the answer has no results list: ${JSON.stringify(body).slice(0, 200)}`);
    return check;
  }
  check.countRight = results.length === tasks.length;
  if (!check.countRight) note(`${results.length} predictions for ${tasks.length} tasks`);
  const compared = Math.min(results.length, tasks.length);
  for (let index = 0; index < compared; index += 1) {
    const prediction: unknown = results[index];
    const task = tasks[index] as LabelStudioTaskShape;
    if (!isRecord(prediction) || !Array.isArray(prediction.result) || typeof prediction.model_version !== 'string') {
      check.invalid += 1;
      note(`task ${task.id}: not a prediction: ${JSON.stringify(prediction).slice(0, 200)}`);
      continue;
    }
    if (prediction.result.length === 0) {
      check.empty += 1;
      if (prediction.model_version.endsWith('-incomplete')) check.incomplete += 1;
      continue;
    }
    const choice = readChoice(prediction.result, labels);
    if ('problem' in choice) {
      check.invalid += 1;
      note(`task ${task.id}: ${choice.problem}`);
    } else if (choice.label !== expectedLabel(labels, task.id)) {
      check.outOfOrder += 1;
      note(`task ${task.id} (index ${index}): got ${choice.label}, its own answer is ${expectedLabel(labels, task.id)}`);
    } else {
      check.answered += 1;
    }
  }
  return check;
}
