import type { ControlMetrics, Ratio } from '../../core/spec/control-score';
import type { SkippedControl } from '../../core/pipeline/select-targets';
import type { ModelPrice } from '../../server/metrics/model-prices';

export type {
  ChoicesMetrics,
  ConfusionMatrix,
  ControlMetrics,
  ExactMatchMetrics,
  LabelScore,
  PrecisionRecall,
  Ratio,
  SpanMetrics,
  TextMetrics,
} from '../../core/spec/control-score';

export interface ControlEvaluation {
  control: string;
  /** The control tag as written, e.g. `Choices`. */
  type: string;
  metrics: ControlMetrics;
  /** Tasks the model answered for this control, of the evaluated tasks. */
  coverage: Ratio;
  abstentions: number;
  /** Results dropped because they were invalid for the labeling config (e.g. a quote not in the text). */
  invalidOutputs: number;
  failures: number;
}

export interface ThresholdRow {
  threshold: number;
  /** Tasks scored at or above the threshold, of the scored tasks. */
  kept: Ratio;
  accuracy: Ratio;
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  tasks: number;
  meanScore: number | null;
  accuracy: number | null;
}

export type ConfidenceMetrics =
  | { available: false; reason: string }
  | {
      available: true;
      /** Tasks with a score, of the tasks with a verdict. */
      scoredTasks: Ratio;
      /** How well the score separates right from wrong tasks; null when all are right or all wrong. */
      auroc: number | null;
      thresholds: ThresholdRow[];
      reliability: ReliabilityBin[];
      expectedCalibrationError: number | null;
    };

export interface RunCost {
  /** US dollars per million tokens; null when the model's price is unknown. */
  price: ModelPrice | null;
  usd: number | null;
  usdPerThousandTasks: number | null;
}

export interface RunOverall {
  tasks: number;
  failedTasks: number;
  /** Tasks whose every evaluated control is right, of the tasks with a verdict. */
  tasksRight: Ratio;
  inputTokens: number;
  outputTokens: number;
  inputTokensPerThousandTasks: number | null;
  outputTokensPerThousandTasks: number | null;
  cost: RunCost;
  wallTimeMs: number;
  wallTimePerThousandTasksMs: number | null;
}

export interface TaskVerdict {
  taskId: string | number | null;
  /** Null when no evaluated control had a human answer. */
  right: boolean | null;
  score: number | null;
  /** Per control: right, wrong, or null when the human left it empty. */
  controls: Record<string, boolean | null>;
  error: string | null;
}

export interface EvaluationRun {
  /** The project file's name, or the built-in default. */
  name: string;
  projectFile: string | null;
  provider: string;
  model: string;
  modelVersion: string;
  controls: ControlEvaluation[];
  overall: RunOverall;
  confidence: ConfidenceMetrics;
  tasks: TaskVerdict[];
}

export interface EvaluationTaskCounts {
  inFile: number;
  evaluated: number;
  withoutAnnotations: number;
  onlyCancelled: number;
}

export interface EvaluationReport {
  labelConfigFile: string;
  tasksFile: string;
  tasks: EvaluationTaskCounts;
  /** Controls of the labeling config that prelabel does not fill, so nothing compares them. */
  notEvaluated: SkippedControl[];
  /** One run per configuration: the project, then the one given with `--compare`. */
  runs: EvaluationRun[];
}
