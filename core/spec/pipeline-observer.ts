import type { AnswerSource } from './language-model-middleware';
import type { LanguageModelUsage } from './language-model';

export interface CallLabels {
  project: string;
  provider: string;
  model: string;
}

/** What a repair call gave: a usable answer, a still unusable one, or an error (the call failed). */
export type RepairOutcome = 'repaired' | 'failed' | 'error';

export type TaskStatus = 'answered' | 'empty' | 'failed' | 'timed-out';

/** What the pipeline reports as it runs: server/ turns it into metrics. All methods must be cheap and never throw. */
export interface PipelineObserver {
  /** A provider answer was obtained (from the provider, the cache, or a shared call). */
  answerObtained(labels: CallLabels & { source: AnswerSource; usage: LanguageModelUsage | null; latencyMs: number }): void;
  /** A provider call failed; `retrying` says whether another attempt follows. */
  callFailed(labels: CallLabels & { code: string; retrying: boolean }): void;
  /** A task ended; `reason` is the error code or unusable-answer reason of a failed task. */
  taskSettled(labels: CallLabels & { status: TaskStatus; reason?: string }): void;
  /** Results dropped because they were invalid for the labeling config, one reason each. */
  resultsDropped(labels: CallLabels & { reasons: string[] }): void;
  /** The model answered, but not usably for this control (an invented label, a schema violation, out of range...). */
  controlAbstained(labels: CallLabels & { control: string; reason: string }): void;
  /**
   * A repair call was made for an unusable answer: `repaired` (the answer is usable now), `failed` (still not), or
   * `error` (the call itself failed).
   */
  answerRepaired(labels: CallLabels & { outcome: RepairOutcome }): void;
}

export const silentObserver: PipelineObserver = {
  answerObtained() {},
  callFailed() {},
  taskSettled() {},
  resultsDropped() {},
  controlAbstained() {},
  answerRepaired() {},
};
