import { AZURE_OPENAI_PROVIDER, AzureOpenAILanguageModel } from '../../providers/azure-openai';
import { createTestProjectSettings } from '../helpers/create-test-project-settings';
import { createOpenAIWireHarness, type OpenAIWireModelContext } from './create-openai-wire-harness';
import { describeProviderContract } from './describe-provider-contract';

/** The fake server answers Azure's `/openai/deployments/{deployment}/chat/completions` on the same origin. */
function createSettings({ baseURL, overrides }: OpenAIWireModelContext, options: Record<string, unknown> = {}) {
  return createTestProjectSettings({
    name: AZURE_OPENAI_PROVIDER,
    model: 'gpt-4o-mini',
    baseUrl: new URL(baseURL).origin,
    timeoutMs: 5_000,
    options: { deployment: 'contract-4o-mini', ...options },
    ...overrides,
  });
}

describeProviderContract(
  'AzureOpenAILanguageModel with an API key',
  createOpenAIWireHarness({
    apiKey: '0123456789abcdef0123456789abcdef',
    createModel: (context) => new AzureOpenAILanguageModel(createSettings(context), { AZURE_OPENAI_API_KEY: context.apiKey }),
  }),
);

describeProviderContract(
  'AzureOpenAILanguageModel with an Entra ID token',
  createOpenAIWireHarness({
    apiKey: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJjb250cmFjdCJ9.c2lnbmF0dXJl',
    createModel: (context) =>
      new AzureOpenAILanguageModel(createSettings(context, { azure_ad_token_env: 'CONTRACT_AD_TOKEN' }), {
        CONTRACT_AD_TOKEN: context.apiKey,
      }),
  }),
);
