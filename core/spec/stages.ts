/**
 * The five pipeline stages. Each is an interface with one method taking one options object; implementations are
 * registered by name in the Registry and chosen by name in project YAML.
 *
 *   config parser → prompt renderer → LLM provider (language-model.ts) → response parser → result mapper
 */
import type { ChatMessage, JsonSchema, StructuredOutputMode } from './language-model';
import type { LabelConfig, PredictionTarget } from './label-config';
import type { LabelStudioResult, TaskData } from './label-studio';
import type { PromptSettings } from './project-settings';
import type { ControlTask } from './control-task';
import type { ImageSource } from './media-loader';

/** Stage 1: Label Studio labeling config XML → what the config shows and collects. */
export interface ConfigParser {
  readonly specificationVersion: 'v1';
  /** Throws LabelConfigError naming the problem. */
  parse(options: { xml: string }): LabelConfig;
}

/** A prompt checked and prepared once per project, rendered once per task. */
export interface CompiledPrompt {
  /** Everything that decides the prompt apart from task data; part of `model_version`. */
  readonly fingerprint: string;
  /** Task data fields holding image URLs the prompt shows: load them and pass them in `interaction.images`. */
  readonly imageFields: string[];
  /** Throws TaskDataError when the task lacks data the prompt needs. */
  render(data: TaskData, interaction?: PromptInteraction): ChatMessage[];
}

/** What an annotator adds to one call in Label Studio's interactive mode. */
export interface PromptInteraction {
  /** The annotator's instruction for this call. */
  instruction?: string | null;
  /** Regions the annotator already drew, described one per line. */
  hints?: string[];
  /** The images of `imageFields`, loaded. */
  images?: Map<string, ImageSource>;
  /** Tasks people labelled, shown before this task as worked examples. */
  examples?: PromptExamples;
}

export interface PromptExample {
  data: TaskData;
  /** The reviewed labels, one line per result (see `describeRegion`). */
  labels: string[];
}

export interface PromptExamples {
  items: PromptExample[];
  /** `system` when the same examples serve every task (they join the unchanging prefix), else `user`. */
  placement: 'system' | 'user';
}

export interface PromptTarget extends PredictionTarget {
  task: ControlTask;
  /** The project's extra guidance for this control (YAML `controls.instructions`). */
  instructions?: string;
}

/** Stage 2: targets + project prompt settings → messages. */
export interface PromptRenderer {
  readonly specificationVersion: 'v1';
  /** Throws PromptTemplateError (naming file and line) for a template that cannot work with these targets. */
  compile(options: {
    labelConfig: LabelConfig;
    targets: PromptTarget[];
    prompt: PromptSettings;
    /** What the provider will be asked for; the renderer describes the answer format accordingly. */
    outputMode: StructuredOutputMode;
    /** The JSON schema of the whole answer (one key per target control). */
    schema: JsonSchema;
  }): CompiledPrompt;
}

/**
 * What the model said for one control, after parsing and normalisation. An abstention is `invalid` when the answer
 * broke the format (no JSON, no key for the control, a label the config lacks, a value of the wrong kind): worth a
 * repair call. Without it, the model declined (null, an empty answer) or the control cannot be filled.
 */
export type ControlAnswer =
  | { status: 'answered'; value: unknown }
  | { status: 'abstained'; reason: string; invalid?: boolean };

export interface ParsedResponse {
  /** One entry per target control, keyed by control name. */
  answers: Map<string, ControlAnswer>;
  /** Set when the answer as a whole cannot be read (JSON was asked for, none came back): the task fails. */
  unparseable?: string;
}

/** Stage 4: the model's text → one answer (or abstention) per control. Never throws for model output. */
export interface ResponseParser {
  readonly specificationVersion: 'v1';
  /** `format` is what the model was asked for: a JSON object, or plain text. */
  parse(options: { text: string; targets: PromptTarget[]; format: 'json' | 'text' }): ParsedResponse;
}

export interface DroppedResult {
  control: string;
  reason: string;
}

export interface MappedResults {
  results: LabelStudioResult[];
  /** Results that were produced but failed validation against the labeling config, and why. */
  dropped: DroppedResult[];
}

/** Stage 5: answers → Label Studio result JSON, validated against the labeling config. */
export interface ResultMapper {
  readonly specificationVersion: 'v1';
  map(options: { parsed: ParsedResponse; targets: PromptTarget[]; data: TaskData }): MappedResults;
}
