/**
 * A task: how one kind of Label Studio control is filled by an LLM. Declarative and pure: prompt instructions,
 * a JSON schema fragment, a parser and a mapper. Registered under a versioned name (e.g. `choices.v1`).
 */
import type { ControlScore, ScoreInput } from './control-score';
import type { JsonSchema } from './language-model';
import type { PredictionTarget } from './label-config';
import type { TaskData } from './label-studio';

export type ControlParseResult =
  | { status: 'answered'; value: unknown }
  | { status: 'abstained'; reason: string };

/** A result without its `id`: the result mapper assigns unique ids. */
export interface ResultDraft {
  from_name: string;
  to_name: string;
  type: string;
  value: Record<string, unknown>;
  /** Notes shown with the result in the editor (e.g. the model's rationale), kept as Label Studio's `meta.text`. */
  meta?: { text: string[] };
}

/**
 * For tasks whose answers are spans of one text field (named entities): long texts are split into overlapping
 * chunks, the model answers each chunk, and the task merges the chunk answers.
 */
export interface SpanChunking {
  /** The task data field whose text this control marks spans in, or null when it cannot be chunked. */
  field(target: PredictionTarget): string | null;
  /**
   * Combines the parsed answers of several chunks into one value for `map`, which locates spans in the FULL text.
   * `offset` is where the chunk starts in the full text, in Unicode code points, so a mention can be searched for
   * from there (and duplicates from overlapping chunks collapse once located).
   */
  merge(answers: Array<{ value: unknown; offset: number }>, target: PredictionTarget): unknown;
}

export interface ControlTask {
  /** Versioned registry name, e.g. `choices.v1`. */
  readonly name: string;
  /** The control tag this task fills, as written in labeling configs (e.g. `Choices`). */
  readonly controlType: string;
  /** The object tags this task reads (e.g. `Text`, `Image`): says which objects of a config prelabel cannot read. */
  readonly objectTypes?: readonly string[];
  /** Whether this task can fill this control on these objects (e.g. Choices on a Text). */
  supports(target: PredictionTarget): boolean;
  /** The prompt section that tells the model what to answer for this control. */
  instructions(target: PredictionTarget): string;
  /** The JSON schema of this control's answer, valid for OpenAI strict mode. */
  schema(target: PredictionTarget): JsonSchema;
  /** The model's answer for this control (a JSON value, or a string from a plain-text answer) → a value or abstention. */
  parse(raw: unknown, target: PredictionTarget): ControlParseResult;
  /** A parsed value → Label Studio results for this control. */
  map(value: unknown, target: PredictionTarget, data: TaskData): ResultDraft[];
  /**
   * Like `map`, also saying what of the answer could not be used and why (a quote not found in the text, an
   * overlapping span): the result mapper counts these as dropped.
   */
  reportMapping?(value: unknown, target: PredictionTarget, data: TaskData): { drafts: ResultDraft[]; dropped: string[] };
  /** Why a result is invalid for this control, or null when it is valid. */
  validate(result: ResultDraft, target: PredictionTarget, data: TaskData): string | null;
  /** Present for span tasks whose text can be chunked. */
  readonly chunking?: SpanChunking;
  /**
   * How `prelabel eval` compares the model's results for this control with the human's, over every evaluated task.
   * Without it, the evaluation reports the control as not scored.
   */
  score?(input: ScoreInput): ControlScore;
}
