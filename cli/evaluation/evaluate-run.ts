import { describeError } from '../../core/errors';
import type { PredictionOutcome } from '../../core/spec/project-pipeline';
import type { PromptTarget } from '../../core/spec/stages';
import type { ModelPrice } from '../../server/metrics/model-prices';
import { computeConfidenceMetrics } from './compute-confidence-metrics';
import { computeRunCost, perThousandTasks, sumUsage } from './compute-run-cost';
import { createRatio } from '../../core/evaluation-metrics/create-ratio';
import { evaluateControl, isScored } from './evaluate-control';
import type { EvaluationRun, TaskVerdict } from './evaluation-report';
import type { EvaluationTask } from './read-evaluation-tasks';

export interface EvaluateRunInput {
  name: string;
  projectFile: string | null;
  provider: string;
  model: string;
  price: ModelPrice | null;
  modelVersion: string;
  /** The pipeline's targets; those whose task has no `score` hook are left out (see `notScored`). */
  targets: PromptTarget[];
  tasks: EvaluationTask[];
  /** One per task, in task order. */
  outcomes: PredictionOutcome[];
  wallTimeMs: number;
}

/** A failed task is wrong; otherwise a task is right when every control the human answered is right. */
export function judgeTask(failed: boolean, verdicts: Array<boolean | null>): boolean | null {
  if (failed) return false;
  const defined = verdicts.filter((verdict): verdict is boolean => verdict !== null);
  return defined.length === 0 ? null : defined.every(Boolean);
}

/** Every figure of one configuration's predictions against the human answers. */
export function evaluateRun(input: EvaluateRunInput): EvaluationRun {
  const evaluated = input.tasks.map((task, index) => ({
    groundTruth: task.groundTruth,
    data: task.task.data,
    outcome: input.outcomes[index] as PredictionOutcome,
  }));
  const controls = input.targets.filter(isScored).map((target) => evaluateControl(target, evaluated));
  const tasks: TaskVerdict[] = evaluated.map(({ outcome }, index) => {
    const verdicts = controls.map(({ verdicts: perTask }) => perTask[index] ?? null);
    return {
      taskId: (input.tasks[index]?.task.id as string | number | undefined) ?? null,
      right: judgeTask(outcome.error !== undefined, verdicts),
      score: outcome.prediction.score,
      controls: Object.fromEntries(controls.map(({ evaluation }, position) => [evaluation.control, verdicts[position] ?? null])),
      error: outcome.error === undefined ? null : describeError(outcome.error).message,
    };
  });
  const judged = tasks.flatMap((task) => (task.right === null ? [] : [{ score: task.score, right: task.right }]));
  const tokens = sumUsage(evaluated.map(({ outcome }) => outcome.usage));
  const count = tasks.length;
  return {
    name: input.name,
    projectFile: input.projectFile,
    provider: input.provider,
    model: input.model,
    modelVersion: input.modelVersion,
    controls: controls.map(({ evaluation }) => evaluation),
    overall: {
      tasks: count,
      failedTasks: tasks.filter((task) => task.error !== null).length,
      tasksRight: createRatio(judged.filter((task) => task.right).length, judged.length),
      ...tokens,
      inputTokensPerThousandTasks: perThousandTasks(tokens.inputTokens, count),
      outputTokensPerThousandTasks: perThousandTasks(tokens.outputTokens, count),
      cost: computeRunCost(tokens, input.price, count),
      wallTimeMs: input.wallTimeMs,
      wallTimePerThousandTasksMs: perThousandTasks(input.wallTimeMs, count),
    },
    confidence: computeConfidenceMetrics(judged),
    tasks,
  };
}
