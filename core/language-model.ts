/**
 * The LLM provider stage: a thin adapter over a vendor SDK. No prompt logic, no label logic.
 */

export type JsonSchema = Record<string, unknown>;

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** How the provider is asked to shape its answer. */
export type StructuredOutputMode =
  /** Native structured output: the schema is enforced by the provider (OpenAI strict `json_schema`). */
  | 'json_schema'
  /** JSON mode: the provider returns a JSON object, the schema is only described in the prompt. */
  | 'json_object'
  /** Plain text; prelabel parses what comes back. */
  | 'none';

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json'; mode: 'json_schema' | 'json_object'; name: string; schema: JsonSchema };

export interface LanguageModelCallOptions {
  messages: ChatMessage[];
  responseFormat: ResponseFormat;
  temperature?: number;
  maxOutputTokens?: number;
  abortSignal?: AbortSignal;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

export interface LanguageModelUsage {
  inputTokens: number | null;
  outputTokens: number | null;
}

export interface LanguageModelWarning {
  type: 'unsupported-setting' | 'other';
  setting?: string;
  message: string;
}

export interface LanguageModelResult {
  /** The answer text (for JSON answers, the JSON text). */
  text: string;
  finishReason: { unified: FinishReason; raw: string | undefined };
  /** The model's refusal message, when it refused. */
  refusal?: string;
  usage: LanguageModelUsage;
  warnings: LanguageModelWarning[];
  /** The model id the provider says answered. */
  responseModelId?: string;
}

export interface LanguageModel {
  readonly specificationVersion: 'v1';
  /** Registry name of the provider, e.g. `openai`. */
  readonly provider: string;
  readonly modelId: string;
  /** The structured output this model supports; the pipeline asks for nothing more. */
  readonly structuredOutput: StructuredOutputMode;
  generate(options: LanguageModelCallOptions): Promise<LanguageModelResult>;
}
