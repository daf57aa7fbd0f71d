import { Value } from '@sinclair/typebox/value';
import type { ProjectSettings, PromptTemplateSource, ProviderSettings } from '../core/spec/project-settings';
import { ProjectFileSchema, ProviderSchema, type ControlFileData, type ProjectFileData, type ProviderFileData } from './project-config-schema';

/** A copy of the data with every missing key that has a schema `default` filled in: the schema is the only source of defaults. */
export function withSchemaDefaults(data: ProjectFileData): ProjectFileData {
  const filled = Value.Default(ProjectFileSchema, structuredClone(data)) as ProjectFileData;
  filled.provider = providerWithDefaults(filled.provider);
  filled.fallbacks = filled.fallbacks?.map(providerWithDefaults);
  return filled;
}

function providerWithDefaults(provider: ProviderFileData | undefined): ProviderFileData {
  return Value.Default(ProviderSchema, structuredClone(provider ?? {})) as ProviderFileData;
}

/** A value the schema gives a default for: present once withSchemaDefaults ran. */
function defaulted<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`project-config-schema.ts gives ${field} no default`);
  return value;
}

/** `controls` keys that are not control names. */
const CONTROLS_SETTINGS_KEYS = new Set(['include', 'instructions']);

/** The entries of `controls` that are control names, with their settings. */
export function controlEntries(controls: unknown): Array<[string, ControlFileData]> {
  if (typeof controls !== 'object' || controls === null || Array.isArray(controls)) return [];
  return Object.entries(controls)
    .filter(([name]) => !CONTROLS_SETTINGS_KEYS.has(name))
    .flatMap(([name, entry]) =>
      typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? [[name, entry as ControlFileData] as [string, ControlFileData]] : [],
    );
}

/** Control name → setting, from `controls.<name>.<key>` and (for instructions) the `controls.instructions` map. */
function toControlSettings(controls: ProjectFileData['controls']): ProjectSettings['controls'] {
  // Object.fromEntries defines own properties: a control named __proto__ stays a key, never a prototype.
  const entries = controlEntries(controls);
  const instructions = Object.fromEntries([
    ...Object.entries(controls?.instructions ?? {}),
    ...entries.flatMap(([name, entry]) => (entry.instructions === undefined ? [] : [[name, entry.instructions] as const])),
  ]);
  const tasks = Object.fromEntries(entries.flatMap(([name, entry]) => (entry.task === undefined ? [] : [[name, entry.task] as const])));
  return { include: controls?.include ?? null, instructions, tasks };
}

function toProviderSettings(provider: ProviderFileData): ProviderSettings {
  const adaptiveTimeout = defaulted(provider.adaptive_timeout, 'provider.adaptive_timeout');
  const providerSettings: ProviderSettings = {
    name: defaulted(provider.name, 'provider.name'),
    model: defaulted(provider.model, 'provider.model'),
    timeoutMs: defaulted(provider.timeout_ms, 'provider.timeout_ms'),
    adaptiveTimeout: {
      multiplier: defaulted(adaptiveTimeout.multiplier, 'provider.adaptive_timeout.multiplier'),
      floorMs: defaulted(adaptiveTimeout.floor_ms, 'provider.adaptive_timeout.floor_ms'),
    },
    structuredOutput: defaulted(provider.structured_output, 'provider.structured_output'),
    options: defaulted(provider.options, 'provider.options'),
  };
  if (provider.api_key !== undefined) providerSettings.apiKey = provider.api_key;
  if (provider.base_url !== undefined) providerSettings.baseUrl = provider.base_url;
  if (provider.temperature !== undefined) providerSettings.temperature = provider.temperature;
  if (provider.max_output_tokens !== undefined) providerSettings.maxOutputTokens = provider.max_output_tokens;
  if (provider.accepts_images !== undefined) providerSettings.acceptsImages = provider.accepts_images;
  if (provider.requests_per_minute !== undefined) providerSettings.requestsPerMinute = provider.requests_per_minute;
  if (provider.tokens_per_minute !== undefined) providerSettings.tokensPerMinute = provider.tokens_per_minute;
  if (provider.prices !== undefined) {
    providerSettings.prices = { inputPerMillion: provider.prices.input_per_million, outputPerMillion: provider.prices.output_per_million };
  }
  return providerSettings;
}

/**
 * A file that passed the schema (and the wiring checks) → the camelCase settings core reads. Every default comes
 * from the schema (withSchemaDefaults); `template` is the prompt template already located or read from its file.
 */
export function convertToProjectSettings(
  fileData: ProjectFileData,
  sourceFile: string | null,
  template: PromptTemplateSource | null,
): ProjectSettings {
  const data = withSchemaDefaults(fileData);
  const stages = defaulted(data.stages, 'stages');
  const prompt = defaulted(data.prompt, 'prompt');
  const retry = defaulted(data.retry, 'retry');
  const chunking = defaulted(data.chunking, 'chunking');
  const media = defaulted(data.media, 'media');
  const confidence = defaulted(data.confidence, 'confidence');
  const examples = defaulted(data.examples, 'examples');
  return {
    sourceFile,
    stages: {
      configParser: defaulted(stages.config_parser, 'stages.config_parser'),
      promptRenderer: defaulted(stages.prompt_renderer, 'stages.prompt_renderer'),
      responseParser: defaulted(stages.response_parser, 'stages.response_parser'),
      resultMapper: defaulted(stages.result_mapper, 'stages.result_mapper'),
    },
    provider: toProviderSettings(defaulted(data.provider, 'provider')),
    fallbacks: (data.fallbacks ?? []).map(toProviderSettings),
    prompt: {
      template,
      instructions: prompt.instructions ?? null,
      extraFields: defaulted(prompt.extra_fields, 'prompt.extra_fields'),
    },
    retry: {
      maxRetries: defaulted(retry.max_retries, 'retry.max_retries'),
      initialDelayMs: defaulted(retry.initial_delay_ms, 'retry.initial_delay_ms'),
      maxDelayMs: defaulted(retry.max_delay_ms, 'retry.max_delay_ms'),
    },
    repair: { maxAttempts: defaulted(data.repair?.max_attempts, 'repair.max_attempts') },
    concurrency: defaulted(data.concurrency, 'concurrency'),
    controls: toControlSettings(data.controls),
    chunking: {
      maxCharacters: defaulted(chunking.max_characters, 'chunking.max_characters'),
      overlapCharacters: defaulted(chunking.overlap_characters, 'chunking.overlap_characters'),
    },
    interactive: { promptPrefix: defaulted(data.interactive?.prompt_prefix, 'interactive.prompt_prefix') },
    media: {
      allowedHosts: media.allowed_hosts ?? [],
      passPublicUrls: defaulted(media.pass_public_urls, 'media.pass_public_urls'),
      maxBytes: defaulted(media.max_bytes, 'media.max_bytes'),
      timeoutMs: defaulted(media.timeout_ms, 'media.timeout_ms'),
    },
    confidence: {
      method: defaulted(confidence.method, 'confidence.method'),
      samples: defaulted(confidence.samples, 'confidence.samples'),
    },
    examples: {
      count: defaulted(examples.count, 'examples.count'),
      strategy: defaulted(examples.strategy, 'examples.strategy'),
      maxCharacters: defaulted(examples.max_characters, 'examples.max_characters'),
    },
  };
}
