import type { ProviderSettings } from './project-settings';

/** A provider setting that cannot work, found without a network call: a missing key, a base URL that is not a URL. */
export interface ProviderSettingsProblem {
  /** The setting inside the provider's YAML section, as written there: `api_key`, `base_url`, `options.azure_ad_token_env`. */
  field: string;
  /** What is wrong and how to fix it; never quotes a secret. */
  message: string;
  /** `PROVIDER_KEY_MISSING` for a missing key or credentials, else `PROJECT_CONFIG_INVALID`. */
  code: 'PROVIDER_KEY_MISSING' | 'PROJECT_CONFIG_INVALID';
}

export interface ProviderSettingsContext {
  environment: NodeJS.ProcessEnv;
  /** The project's YAML file, for the fix; null for the built-in default pipeline. */
  sourceFile: string | null;
}

/**
 * Pure check of one provider section (no network, no client). A provider registers it with itself, as a static
 * `checkSettings` on its class or a `checkSettings` beside `create` on its factory, so a project file's provider is
 * checked when the file loads, before any task; the provider's constructor applies the same check.
 */
export type CheckProviderSettings = (provider: ProviderSettings, context: ProviderSettingsContext) => ProviderSettingsProblem[];

/** The settings check a registered provider implementation carries, if any. */
export function settingsCheckOf(implementation: unknown): CheckProviderSettings | undefined {
  if ((typeof implementation !== 'function' && typeof implementation !== 'object') || implementation === null) return undefined;
  const check: unknown = (implementation as { checkSettings?: unknown }).checkSettings;
  return typeof check === 'function' ? (check as CheckProviderSettings).bind(implementation) : undefined;
}
