/** What the server and the CLI see of one project's pipeline (core/pipeline/pipeline.ts implements it). */
import type { LabelStudioPrediction, LabelStudioTask } from './label-studio';
import type { LanguageModel, LanguageModelUsage } from './language-model';
import type { ProviderSettings } from './project-settings';
import type { DroppedResult, PromptTarget } from './stages';

export interface PredictionOutcome {
  prediction: LabelStudioPrediction;
  /** Controls the model abstained on, and why. */
  abstentions: { control: string; reason: string }[];
  /** Results dropped because they were invalid for the labeling config. */
  dropped: DroppedResult[];
  usage: LanguageModelUsage | null;
  /** Set when the task failed; its prediction is then empty. */
  error?: unknown;
}

export interface PredictTaskOptions {
  signal?: AbortSignal;
  /** Label Studio's `params.context` (interactive pre-annotation), when present. */
  context?: unknown;
}

export interface PredictOptions extends PredictTaskOptions {
  /** Answer after this long with what is finished; the rest goes on in the background. */
  deadlineMs?: number;
  /** Called as each task settles, in completion order. */
  onSettled?: (index: number, outcome: PredictionOutcome) => void;
}


/** A control of the labeling config that prelabel does not fill, and why. */
export interface SkippedControl {
  control: string;
  reason: string;
  /** E.g. `<RectangleLabels name="bbox">`, for messages that list skipped controls. */
  tag?: string;
  /** The objects it points at that prelabel cannot read (e.g. `<Video name="video">`), when that is why. */
  unreadableObjects?: string[];
}

export interface ProjectPipeline {
  /** The controls prelabel fills, each with its task. */
  readonly targets: PromptTarget[];
  /** The controls it does not fill, and why. */
  readonly skipped: SkippedControl[];
  /** `model_version` of the predictions. */
  readonly modelVersion: string;
  /** Predicts one task; throws when the task fails. */
  predict(task: LabelStudioTask, options?: PredictTaskOptions): Promise<PredictionOutcome>;
  /** Predicts every task; one failed task never fails the batch. */
  predictAll(tasks: LabelStudioTask[], options?: PredictOptions): Promise<PredictionOutcome[]>;
}
