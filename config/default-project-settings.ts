import type { ProjectSettings } from '../core/spec/project-settings';
import { convertToProjectSettings } from './convert-to-project-settings';

/** The settings of a file that sets nothing: every value is its schema default (config/project-config-schema.ts). */
function settingsOfAnEmptyFile(): ProjectSettings {
  return convertToProjectSettings({ default: true }, null, null);
}

const EMPTY_FILE_SETTINGS = settingsOfAnEmptyFile();

/** Defaults of a project file's optional settings, read from the schema's `default`s (the only place they are written). */
export const PROJECT_SETTINGS_DEFAULTS = Object.freeze({
  model: EMPTY_FILE_SETTINGS.provider.model,
  timeoutMs: EMPTY_FILE_SETTINGS.provider.timeoutMs,
  adaptiveTimeout: Object.freeze({ ...(EMPTY_FILE_SETTINGS.provider.adaptiveTimeout as NonNullable<ProjectSettings['provider']['adaptiveTimeout']>) }),
  structuredOutput: EMPTY_FILE_SETTINGS.provider.structuredOutput,
  retry: Object.freeze({ ...EMPTY_FILE_SETTINGS.retry }),
  repair: Object.freeze({ ...EMPTY_FILE_SETTINGS.repair }),
  concurrency: EMPTY_FILE_SETTINGS.concurrency,
  chunking: Object.freeze({ ...EMPTY_FILE_SETTINGS.chunking }),
  promptPrefix: EMPTY_FILE_SETTINGS.interactive.promptPrefix,
  media: Object.freeze({ maxBytes: EMPTY_FILE_SETTINGS.media.maxBytes, timeoutMs: EMPTY_FILE_SETTINGS.media.timeoutMs }),
  confidence: Object.freeze({ ...EMPTY_FILE_SETTINGS.confidence }),
  examples: Object.freeze({ ...EMPTY_FILE_SETTINGS.examples }),
});

/**
 * The settings of a project no file applies to: those of an empty file. The model comes from PRELABEL_MODEL (an
 * empty value counts as unset); the API key and base URL are left to the provider, which reads OPENAI_API_KEY and
 * OPENAI_BASE_URL itself.
 */
export function createDefaultProjectSettings(environment: NodeJS.ProcessEnv): ProjectSettings {
  const settings = settingsOfAnEmptyFile();
  if (environment.PRELABEL_MODEL) settings.provider.model = environment.PRELABEL_MODEL;
  return settings;
}
