import { AbortedError, describeError } from '../errors';
import type { LabelStudioPrediction, LabelStudioTask } from '../spec/label-studio';
import { LogRateLimiter } from './log-rate-limiter';
import type { Logger } from '../spec/logger';
import type { CallLabels, PipelineObserver } from '../spec/pipeline-observer';
import type { PredictionOutcome, PredictOptions, PredictTaskOptions } from '../spec/project-pipeline';

/** Appended to `model_version` of a prediction the request deadline cut off. */
export const INCOMPLETE_SUFFIX = '-incomplete';

/** Appended to `model_version` of the empty prediction of a task that failed (no key, provider down, bad task data). */
export const FAILED_SUFFIX = '-failed';

/** Abstention warnings logged per project and minute; the rest are summed up in one line. */
const ABSTENTION_LOG_LIMIT = 20;

/** Reasons that say the model chose not to answer (null, an empty list), which is not an unusable answer. */
const DECLINED_REASONS = new Set(['no answer', 'no mentions']);

export interface BatchRunnerOptions {
  /** Predicts one task; throws when it fails. */
  predict: (task: LabelStudioTask, options: PredictTaskOptions) => Promise<PredictionOutcome>;
  /** Tasks predicted at once. */
  concurrency: number;
  /** The pipeline's `model_version`, read when a task settles. */
  modelVersion: () => string;
  labels: CallLabels;
  observer: PipelineObserver;
  logger: Logger;
}

/** A batch of tasks through one pipeline: the worker pool, the deadline, and each task's settling. */
export class BatchRunner {
  /** Abstention warnings: at most ABSTENTION_LOG_LIMIT a minute for the project, then one summary line. */
  private readonly abstentionLog: LogRateLimiter;

  constructor(private readonly options: BatchRunnerOptions) {
    const { logger, labels } = options;
    this.abstentionLog = new LogRateLimiter({
      limit: ABSTENTION_LOG_LIMIT,
      windowMs: 60_000,
      onSuppressed: (count) =>
        logger.warn({ project: labels.project, suppressed: count }, `… ${count} more abstentions suppressed in the last minute (all are counted in /metrics)`),
    });
  }

  /**
   * Predicts every task, `concurrency` at a time. Outcomes keep task order; a task that fails gets an empty
   * prediction marked failed (so Label Studio asks for it again) and its error is logged with the task id, so one bad
   * task never fails the batch. With a deadline, tasks not finished by then get an empty prediction marked incomplete
   * and go on in the background, so their answers land in the cache for the next request.
   */
  async predictAll(tasks: LabelStudioTask[], options: PredictOptions = {}): Promise<PredictionOutcome[]> {
    const outcomes = new Array<PredictionOutcome | undefined>(tasks.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < tasks.length) {
        const index = next++;
        const outcome = await this.settle(tasks[index] as LabelStudioTask, options);
        outcomes[index] = outcome;
        options.onSettled?.(index, outcome);
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency, tasks.length));
    const finished = Promise.all(Array.from({ length: workers }, worker));
    if (options.deadlineMs === undefined) {
      await finished;
    } else {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([finished, new Promise((resolve) => (timer = setTimeout(resolve, options.deadlineMs)))]);
      clearTimeout(timer);
    }
    return tasks.map((task, index) => outcomes[index] ?? this.incomplete(task));
  }

  private async settle(task: LabelStudioTask, options: PredictTaskOptions): Promise<PredictionOutcome> {
    const { observer, labels } = this.options;
    try {
      const outcome = await this.options.predict(task, options);
      observer.taskSettled({ ...labels, status: outcome.prediction.result.length > 0 ? 'answered' : 'empty' });
      this.reportAbstentions(task, outcome.abstentions);
      return outcome;
    } catch (error) {
      return this.failed(task, error);
    }
  }

  private failed(task: LabelStudioTask, error: unknown): PredictionOutcome {
    const reason = (error as { reason?: string }).reason ?? describeError(error).code ?? 'UNKNOWN';
    this.options.observer.taskSettled({ ...this.options.labels, status: 'failed', reason });
    this.options.logger.error({ taskId: task.id, error: describeError(error) }, 'task failed; returning an empty prediction');
    // Not the /setup version: Label Studio's "already predicted" filter then asks for the task again next time.
    return { prediction: emptyPrediction(`${this.options.modelVersion()}${FAILED_SUFFIX}`), abstentions: [], dropped: [], usage: null, error };
  }

  /**
   * Counts every abstention in /metrics and logs it with the task id, control and reason: at `warn` when the model
   * answered unusably (an invented label, a schema violation), at `debug` when it declined to answer; warnings are
   * rate-limited per project.
   */
  private reportAbstentions(task: LabelStudioTask, abstentions: PredictionOutcome['abstentions']): void {
    for (const { control, reason } of abstentions) {
      this.options.observer.controlAbstained({ ...this.options.labels, control, reason });
      const fields = { taskId: task.id, control, reason };
      if (DECLINED_REASONS.has(reason)) this.options.logger.debug(fields, 'the model gave no answer for a control');
      else if (this.abstentionLog.allow()) this.options.logger.warn(fields, 'the model answered unusably for a control; it is left empty');
    }
  }

  /**
   * A task the deadline cut off. Its version differs from the pipeline's, so Label Studio's "already predicted"
   * filter does not skip the task next time, when the answer comes from the cache.
   */
  private incomplete(task: LabelStudioTask): PredictionOutcome {
    this.options.observer.taskSettled({ ...this.options.labels, status: 'timed-out' });
    this.options.logger.warn({ taskId: task.id }, 'task not finished by the deadline; it goes on in the background');
    return {
      prediction: emptyPrediction(`${this.options.modelVersion()}${INCOMPLETE_SUFFIX}`),
      abstentions: [],
      dropped: [],
      usage: null,
      error: new AbortedError('not finished by the request deadline'),
    };
  }
}

function emptyPrediction(modelVersion: string): LabelStudioPrediction {
  return { result: [], score: null, model_version: modelVersion };
}
