import type { LanguageModelWarning } from '../../core/spec/language-model';

/** The `provider.options` the azure-openai adapter reads itself; the others are Chat Completions parameters. */
export const AZURE_OPENAI_OPTION_NAMES = ['deployment', 'api_version', 'azure_ad_token_env', 'base_model'] as const;

export interface AzureOpenAIOptions {
  /** `provider.options.deployment`. */
  deployment?: string;
  /** `provider.options.api_version`. */
  apiVersion?: string;
  /** `provider.options.azure_ad_token_env`: the name of the variable holding an Entra ID token. */
  tokenVariable?: string;
  /** `provider.options.base_model`: the OpenAI model the deployment runs. */
  baseModel?: string;
}

const OPTION_KEYS: Record<(typeof AZURE_OPENAI_OPTION_NAMES)[number], keyof AzureOpenAIOptions> = {
  deployment: 'deployment',
  api_version: 'apiVersion',
  azure_ad_token_env: 'tokenVariable',
  base_model: 'baseModel',
};

/** The adapter's own `provider.options`; one that is not a non-empty string is left out with a warning. */
export function readAzureOpenAIOptions(options: Record<string, unknown>): {
  azureOptions: AzureOpenAIOptions;
  warnings: LanguageModelWarning[];
} {
  const azureOptions: AzureOpenAIOptions = {};
  const warnings: LanguageModelWarning[] = [];
  for (const name of AZURE_OPENAI_OPTION_NAMES) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim()) {
      azureOptions[OPTION_KEYS[name]] = value.trim();
    } else {
      const setting = `provider.options.${name}`;
      warnings.push({ type: 'unsupported-setting', setting, message: `${setting} must be a non-empty string, so it was not used` });
    }
  }
  return { azureOptions, warnings };
}
