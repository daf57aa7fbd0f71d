import type { ControlScore, ScoredItem } from '../../core/spec/control-score';
import type { ControlTask } from '../../core/spec/control-task';
import { createRatio } from '../../core/evaluation-metrics/create-ratio';
import type { LabelStudioResult, TaskData } from '../../core/spec/label-studio';
import type { PredictionOutcome } from '../../core/spec/project-pipeline';
import type { SkippedControl } from '../../core/pipeline/select-targets';
import type { PromptTarget } from '../../core/spec/stages';
import type { ControlEvaluation } from './evaluation-report';

/** A target whose task scores its own control. */
export type ScoredTarget = PromptTarget & { task: Required<Pick<ControlTask, 'score'>> };

export function isScored(target: PromptTarget): target is ScoredTarget {
  return typeof target.task.score === 'function';
}

/** The targets whose task has no `score` hook: the report lists them as not evaluated, saying why. */
export function notScored(targets: PromptTarget[]): SkippedControl[] {
  return targets
    .filter((target) => !isScored(target))
    .map((target) => ({ control: target.control.name, reason: `not scored: its task ${target.task.name} has no score hook` }));
}

function resultsOf(results: LabelStudioResult[], control: string): LabelStudioResult[] {
  return results.filter((result) => result.from_name === control);
}

function abstained(outcome: PredictionOutcome, control: string): boolean {
  return outcome.abstentions.some((abstention) => abstention.control === control);
}

/**
 * Whether the model answered a control on a task: the task did not fail, the control did not abstain, and there is
 * a result for it (for span controls an empty list of spans is an answer too: nothing to mark).
 */
function hasAnswer(outcome: PredictionOutcome, control: string, predicted: LabelStudioResult[], emptyIsAnswer: boolean): boolean {
  if (outcome.error !== undefined || abstained(outcome, control)) return false;
  return emptyIsAnswer || predicted.length > 0;
}

/**
 * One control's metrics over the evaluated tasks, as its task scores them, with coverage, abstentions, invalid
 * outputs and failures.
 */
export function evaluateControl(
  target: ScoredTarget,
  evaluated: Array<{ groundTruth: LabelStudioResult[]; data: TaskData; outcome: PredictionOutcome }>,
): { evaluation: ControlEvaluation; verdicts: Array<boolean | null> } {
  const { name, type } = target.control;
  const items: ScoredItem[] = evaluated.map(({ groundTruth, data, outcome }) => ({
    truth: resultsOf(groundTruth, name),
    predicted: resultsOf(outcome.prediction.result, name),
    data,
  }));
  const { metrics, verdicts }: ControlScore = target.task.score({ target, items });
  const outcomes = evaluated.map(({ outcome }) => outcome);
  // span metrics count every task: a task without spans is an answer (nothing to mark), as the span scorers judge it
  const emptyIsAnswer = metrics.kind === 'spans';
  const answered = outcomes.filter((outcome, index) => hasAnswer(outcome, name, (items[index] as ScoredItem).predicted, emptyIsAnswer)).length;
  return {
    evaluation: {
      control: name,
      type,
      metrics,
      coverage: createRatio(answered, evaluated.length),
      abstentions: outcomes.filter((outcome) => abstained(outcome, name)).length,
      invalidOutputs: outcomes.reduce((total, outcome) => total + outcome.dropped.filter((dropped) => dropped.control === name).length, 0),
      failures: outcomes.filter((outcome) => outcome.error !== undefined).length,
    },
    verdicts,
  };
}
