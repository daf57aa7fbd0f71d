import type { StructuredOutputMode } from './language-model';

/**
 * The effective pipeline of one Label Studio project: a project YAML file after validation, defaults and
 * `${VAR}` interpolation, or the built-in default when no file matches.
 */
export interface ProjectSettings {
  /** The YAML file these settings come from, or null for the built-in default. */
  sourceFile: string | null;
  /** Registered names of the stage implementations. */
  stages: StageNames;
  provider: ProviderSettings;
  /** Asked in order when the provider is down (a retryable failure after its retries, or unavailable). */
  fallbacks: ProviderSettings[];
  prompt: PromptSettings;
  retry: RetrySettings;
  repair: RepairSettings;
  /** How many tasks of one request run at once. */
  concurrency: number;
  controls: ControlSettings;
  chunking: ChunkingSettings;
  interactive: InteractiveSettings;
  media: MediaSettings;
  confidence: ConfidenceSettings;
  examples: ExampleSettings;
}

/** Few-shot examples from the project's reviewed annotations. */
export interface ExampleSettings {
  /** How many examples a prompt shows; 0 shows none. */
  count: number;
  /** `recent`: the newest; `balanced`: every label represented; `similar`: lexically closest to the task (BM25). */
  strategy: 'recent' | 'balanced' | 'similar';
  /** The most example text a prompt carries, in characters. */
  maxCharacters: number;
}

/** How `score` is computed: never made up, null when no method applies. */
export interface ConfidenceSettings {
  /**
   * `logprobs`: from the chosen answers' token log-probabilities; `self-consistency`: agreement of `samples` answers;
   * `auto`: logprobs where the model returns them, else none.
   */
  method: 'auto' | 'none' | 'logprobs' | 'self-consistency';
  /** Answers asked for with self-consistency (each costs a call). */
  samples: number;
}

/** Where images for vision models may come from, and how much of them. */
export interface MediaSettings {
  /** Hosts besides Label Studio's that images may be downloaded from (`cdn.example.com`, `*.example.com`, `host:port`). */
  allowedHosts: string[];
  /** Pass public https image URLs to the provider instead of downloading them. */
  passPublicUrls: boolean;
  maxBytes: number;
  timeoutMs: number;
}

export interface ControlSettings {
  /** Names of the controls to fill; null fills every control prelabel can fill. */
  include: string[] | null;
  /** Extra guidance per control name. */
  instructions: Record<string, string>;
  /**
   * The registered task (e.g. `choices.v1`, or a plugin's) that fills a control, per control name. A control not
   * listed gets its control type's default task.
   */
  tasks: Record<string, string>;
}

export interface ChunkingSettings {
  /** Texts longer than this (code points) are split into chunks for span controls. */
  maxCharacters: number;
  overlapCharacters: number;
}

export interface InteractiveSettings {
  /** A TextArea whose name starts with this carries the annotator's instruction. */
  promptPrefix: string;
}

export interface StageNames {
  configParser: string;
  promptRenderer: string;
  responseParser: string;
  resultMapper: string;
}

export interface ProviderSettings {
  /** Registered provider name, e.g. `openai`. */
  name: string;
  model: string;
  /** A secret: never logged, never part of `model_version`. */
  apiKey?: string;
  baseUrl?: string;
  temperature?: number;
  maxOutputTokens?: number;
  /** Per-call timeout: the ceiling of the adaptive timeout. */
  timeoutMs: number;
  /**
   * Cuts a hung call long before `timeoutMs`, from the latency of recent successful calls (core/call-with-adaptive-timeout.ts);
   * unset means DEFAULT_ADAPTIVE_TIMEOUT.
   */
  adaptiveTimeout?: AdaptiveTimeoutSettings;
  /** Optional provider budgets, shared by every project on this provider endpoint and model. */
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Price per million tokens, overriding the built-in table (for cost figures only). */
  prices?: { inputPerMillion: number; outputPerMillion: number };
  /** `auto` picks what the model supports. */
  structuredOutput: 'auto' | StructuredOutputMode;
  /** Whether the model takes images; unset lets the provider decide from the model id. */
  acceptsImages?: boolean;
  /** Provider-specific settings, passed to the provider as they are. */
  options: Record<string, unknown>;
}

export interface PromptTemplateSource {
  text: string;
  /** The file the template was read from (a prompt file or the YAML file). */
  file: string | null;
  /** The 1-based line of the template's first line in that file. */
  line: number;
}

export interface PromptSettings {
  /** A user template with `{field}` and `{labels}` placeholders; null for the built-in prompt. */
  template: PromptTemplateSource | null;
  /** Extra instructions added to the system message. */
  instructions: string | null;
  /** Task data fields the template may use besides those the labeling config shows. */
  extraFields: string[];
}

export interface AdaptiveTimeoutSettings {
  /** The call timeout is this multiple of the recent p95 latency; 0 turns the adaptive timeout off. */
  multiplier: number;
  /** The adaptive timeout is never shorter than this. */
  floorMs: number;
}

/** Repair calls: an answer that cannot be used is sent back to the model with what is wrong with it. */
export interface RepairSettings {
  /** Repair calls per model answer before its failing controls abstain; 0 turns repairs off. */
  maxAttempts: number;
}

export interface RetrySettings {
  /** Retries after the first attempt. */
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
}
