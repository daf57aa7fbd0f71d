/**
 * The LLM provider stage: a thin adapter over a vendor SDK. No prompt logic, no label logic.
 */
import type { PrelabelError } from '../errors';

export type JsonSchema = Record<string, unknown>;

/** Part of a user message: text, or an image (inline as base64, or a URL the provider fetches itself). */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image'; mediaType: string; data: string }
  | { type: 'image'; url: string };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  /** Text, or parts when the message carries images (user messages only). */
  content: string | ContentPart[];
}

/** The text of a message, images left out. */
export function messageText(message: ChatMessage): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
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
  /** Ask for the log-probability of each answer token (for confidence scores), where the provider has them. */
  logprobs?: boolean;
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
  /** Each answer token with its log-probability, in order, when `logprobs` was asked for and the provider has them. */
  tokenLogprobs?: TokenLogprob[];
}

export interface TokenLogprob {
  token: string;
  logprob: number;
}

/**
 * What one cheap request (retrieving the model) says about the key and the model. Only a definite answer (no key, the
 * key refused, the model not served) is `denied`; a timeout, a network error, or a server without the endpoint is
 * `unverified`, and prelabel goes on.
 */
export type ModelAccess =
  | { status: 'granted' }
  | { status: 'denied'; error: PrelabelError }
  | { status: 'unverified'; reason: string };

export interface LanguageModel {
  readonly specificationVersion: 'v1';
  /** Registry name of the provider, e.g. `openai`. */
  readonly provider: string;
  readonly modelId: string;
  /** The structured output this model supports; the pipeline asks for nothing more. */
  readonly structuredOutput: StructuredOutputMode;
  /** Whether the model takes images in user messages (vision). */
  readonly acceptsImages: boolean;
  /** Whether the model can return token log-probabilities (`logprobs` in the call options). */
  readonly returnsLogprobs?: boolean;
  generate(options: LanguageModelCallOptions): Promise<LanguageModelResult>;
  /**
   * Identifies what `checkAccess` checks (provider, base URL, a hash of the key, model), so its answer can be cached;
   * never the key itself. Present when `checkAccess` is.
   */
  readonly accessCheckKey?: string;
  /** One cheap request that says whether the key works and the model is served. Never throws; honours `signal`. */
  checkAccess?(signal: AbortSignal): Promise<ModelAccess>;
}
