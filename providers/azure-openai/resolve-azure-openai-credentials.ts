import { nonEmpty } from '../shared/non-empty';

export type AzureOpenAICredentials = { kind: 'api-key'; apiKey: string } | { kind: 'entra-id'; tokenVariable: string };

const ENVIRONMENT_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An Entra ID token from the variable `provider.options.azure_ad_token_env` names, else the API key from
 * `provider.api_key` or AZURE_OPENAI_API_KEY. Problems never quote the values.
 */
export function resolveAzureOpenAICredentials({
  apiKey,
  tokenVariable,
  environment,
}: {
  /** `provider.api_key`. */
  apiKey: string | undefined;
  tokenVariable: string | undefined;
  environment: NodeJS.ProcessEnv;
}): { credentials: AzureOpenAICredentials } | { problem: string } {
  if (tokenVariable !== undefined) {
    if (nonEmpty(apiKey)) return { problem: 'give provider.api_key or provider.options.azure_ad_token_env, not both' };
    if (!ENVIRONMENT_VARIABLE_NAME.test(tokenVariable)) {
      return {
        problem:
          'provider.options.azure_ad_token_env must be the name of an environment variable holding the Entra ID token (e.g. AZURE_OPENAI_AD_TOKEN), not the token itself',
      };
    }
    return { credentials: { kind: 'entra-id', tokenVariable } };
  }
  const key = nonEmpty(apiKey) ?? nonEmpty(environment.AZURE_OPENAI_API_KEY);
  if (!key) {
    return {
      problem: 'no Azure OpenAI credentials: set AZURE_OPENAI_API_KEY, provider.api_key, or provider.options.azure_ad_token_env',
    };
  }
  return { credentials: { kind: 'api-key', apiKey: key } };
}
