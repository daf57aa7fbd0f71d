/** The Label Studio shapes the pipeline reads and writes (protocol doc §3.4, §7). */

export type TaskData = Record<string, unknown>;

export interface LabelStudioTask {
  id?: number | string;
  data: TaskData;
  [key: string]: unknown;
}

/** One region of a prediction: `{id, from_name, to_name, type, value}`. */
export interface LabelStudioResult {
  id: string;
  from_name: string;
  to_name: string;
  /** The control tag name, lowercased (`choices`, `labels`, ...). */
  type: string;
  value: Record<string, unknown>;
  score?: number;
  /** Shown with the region in Label Studio (e.g. which fallback model answered). */
  meta?: { text: string[] };
}

/** One prediction for one task, as `/predict` returns it and as a task file's `predictions` holds it. */
export interface LabelStudioPrediction {
  result: LabelStudioResult[];
  /** A real confidence in [0, 1], or null while none exists. */
  score: number | null;
  model_version: string;
}
