/**
 * How a task scores its own control in `prelabel eval`: the metric kinds an evaluation report shows, and the
 * optional `score` hook of a ControlTask. Types only (the spec); the computations are in core/evaluation-metrics/.
 */
import type { PredictionTarget } from './label-config';
import type { LabelStudioResult, TaskData } from './label-studio';

/** A count out of a total; `rate` is null when the total is 0. */
export interface Ratio {
  count: number;
  total: number;
  rate: number | null;
}

/** Precision, recall and F1 from matched, predicted and gold counts; null where a denominator is 0. */
export interface PrecisionRecall {
  matched: number;
  predicted: number;
  gold: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface LabelScore {
  label: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Rows are the human labels, columns the model's labels followed by "no answer". */
export interface ConfusionMatrix {
  rows: string[];
  columns: string[];
  counts: number[][];
}

export interface ChoicesMetrics {
  kind: 'choices';
  multiple: boolean;
  /** Tasks whose predicted set of labels equals the human one, of the tasks the human answered. */
  accuracy: Ratio;
  /** The mean F1 over labels that occur in the human or the model answers. */
  macroF1: number | null;
  labels: LabelScore[];
  /** Single-choice controls only. */
  confusion: ConfusionMatrix | null;
}

export interface SpanMetrics {
  kind: 'spans';
  /** Same start, end and label. */
  strict: PrecisionRecall;
  /** Overlapping, with the same label; each human span and each predicted span is matched at most once. */
  partial: PrecisionRecall;
}

export interface TextMetrics {
  kind: 'text';
  /** Equal after trimming, collapsing whitespace and case folding. */
  exactMatch: Ratio;
  /** Token-level F1 (lower-cased, punctuation removed) at least `nearMatchMinimumTokenF1`. */
  nearMatch: Ratio;
  nearMatchMinimumTokenF1: number;
  meanTokenF1: number | null;
}

export interface ExactMatchMetrics {
  kind: 'exact';
  exactMatch: Ratio;
}

export type ControlMetrics = ChoicesMetrics | SpanMetrics | TextMetrics | ExactMatchMetrics;

/** One evaluated Label Studio task as one control sees it: the human's and the model's results for that control. */
export interface ScoredItem {
  truth: LabelStudioResult[];
  predicted: LabelStudioResult[];
  data: TaskData;
}

/** What the evaluation hands a task's `score` hook: one control, and every evaluated task, in order. */
export interface ScoreInput {
  target: PredictionTarget;
  items: ScoredItem[];
}

/** A control's metrics over the evaluated tasks, and per task whether the model was right. */
export interface ControlScore {
  metrics: ControlMetrics;
  /** One per item, in order: right or wrong, or null when the human left the control empty (not judged). */
  verdicts: Array<boolean | null>;
}
