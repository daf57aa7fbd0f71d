import { DEFAULT_ADAPTIVE_TIMEOUT } from '../core/call-with-adaptive-timeout';
import type { ProjectSettings, ProviderSettings, RetrySettings } from '../core/project-settings';
import { DEFAULT_PROVIDER_NAME, DEFAULT_STAGE_NAMES } from './default-stage-names';

/** Defaults of a project file's optional settings; project-config.schema.json documents the same values. */
export const PROJECT_SETTINGS_DEFAULTS = Object.freeze({
  model: 'gpt-4o',
  timeoutMs: 60_000,
  adaptiveTimeout: DEFAULT_ADAPTIVE_TIMEOUT,
  structuredOutput: 'auto' as ProviderSettings['structuredOutput'],
  retry: Object.freeze<RetrySettings>({ maxRetries: 3, initialDelayMs: 500, maxDelayMs: 20_000 }),
  repair: Object.freeze({ maxAttempts: 1 }),
  concurrency: 8,
  chunking: Object.freeze({ maxCharacters: 12_000, overlapCharacters: 400 }),
  promptPrefix: 'prompt',
  media: Object.freeze({ maxBytes: 10 * 1024 * 1024, timeoutMs: 10_000 }),
  confidence: Object.freeze({ method: 'auto' as const, samples: 5 }),
  examples: Object.freeze({ count: 0, strategy: 'balanced' as const, maxCharacters: 6000 }),
});

/**
 * The settings of a project no file applies to. The model comes from PRELABEL_MODEL (an empty value counts as
 * unset); the API key and base URL are left to the provider, which reads OPENAI_API_KEY and OPENAI_BASE_URL itself.
 */
export function createDefaultProjectSettings(environment: NodeJS.ProcessEnv): ProjectSettings {
  return {
    sourceFile: null,
    stages: { ...DEFAULT_STAGE_NAMES },
    provider: {
      name: DEFAULT_PROVIDER_NAME,
      model: environment.PRELABEL_MODEL || PROJECT_SETTINGS_DEFAULTS.model,
      timeoutMs: PROJECT_SETTINGS_DEFAULTS.timeoutMs,
      adaptiveTimeout: { ...PROJECT_SETTINGS_DEFAULTS.adaptiveTimeout },
      structuredOutput: PROJECT_SETTINGS_DEFAULTS.structuredOutput,
      options: {},
    },
    fallbacks: [],
    prompt: { template: null, instructions: null, extraFields: [] },
    retry: { ...PROJECT_SETTINGS_DEFAULTS.retry },
    repair: { ...PROJECT_SETTINGS_DEFAULTS.repair },
    concurrency: PROJECT_SETTINGS_DEFAULTS.concurrency,
    controls: { include: null, instructions: {}, tasks: {} },
    chunking: { ...PROJECT_SETTINGS_DEFAULTS.chunking },
    interactive: { promptPrefix: PROJECT_SETTINGS_DEFAULTS.promptPrefix },
    media: { allowedHosts: [], passPublicUrls: false, ...PROJECT_SETTINGS_DEFAULTS.media },
    confidence: { ...PROJECT_SETTINGS_DEFAULTS.confidence },
    examples: { ...PROJECT_SETTINGS_DEFAULTS.examples },
  };
}
