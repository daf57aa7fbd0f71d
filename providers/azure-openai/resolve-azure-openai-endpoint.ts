import type { ProviderSettings } from '../../core/spec/project-settings';
import type { ProviderSettingsProblem } from '../../core/spec/provider-settings-check';
import { nonEmpty } from '../shared/non-empty';
import { readAzureOpenAIOptions } from './read-azure-openai-options';
import { resolveAzureOpenAIBaseURL } from './resolve-azure-openai-base-url';
import { resolveAzureOpenAICredentials, type AzureOpenAICredentials } from './resolve-azure-openai-credentials';

/**
 * The Azure endpoint (`provider.base_url`, else AZURE_OPENAI_ENDPOINT) and credentials (an Entra ID token variable,
 * else the API key), and what makes them unusable: the endpoint's problem first, then the credentials'.
 */
export function resolveAzureOpenAIEndpoint(
  provider: Pick<ProviderSettings, 'apiKey' | 'baseUrl' | 'options'>,
  environment: NodeJS.ProcessEnv,
): {
  endpoint: ReturnType<typeof resolveAzureOpenAIBaseURL>;
  credentials: { credentials: AzureOpenAICredentials } | { problem: string };
  problems: ProviderSettingsProblem[];
} {
  const { azureOptions } = readAzureOpenAIOptions(provider.options);
  const endpoint = resolveAzureOpenAIBaseURL(nonEmpty(provider.baseUrl) ?? nonEmpty(environment.AZURE_OPENAI_ENDPOINT));
  const credentials = resolveAzureOpenAICredentials({ apiKey: provider.apiKey, tokenVariable: azureOptions.tokenVariable, environment });
  const problems: ProviderSettingsProblem[] = [];
  if ('problem' in endpoint) problems.push({ field: 'base_url', code: 'PROJECT_CONFIG_INVALID', message: endpoint.problem });
  if ('problem' in credentials) {
    const missing = credentials.problem.startsWith('no Azure OpenAI credentials');
    const field = missing || azureOptions.tokenVariable === undefined ? 'api_key' : 'options.azure_ad_token_env';
    problems.push({ field, code: missing ? 'PROVIDER_KEY_MISSING' : 'PROJECT_CONFIG_INVALID', message: credentials.problem });
  }
  return { endpoint, credentials, problems };
}
