import { OPENAI_PROVIDER, OpenAILanguageModel } from '../../providers/openai';
import { createTestProjectSettings } from '../helpers/create-test-project-settings';
import { createOpenAIWireHarness } from './create-openai-wire-harness';
import { describeProviderContract } from './describe-provider-contract';

describeProviderContract(
  'OpenAILanguageModel',
  createOpenAIWireHarness({
    createModel: ({ baseURL, apiKey, overrides }) =>
      new OpenAILanguageModel(
        createTestProjectSettings({ name: OPENAI_PROVIDER, model: 'gpt-4o-mini', baseUrl: baseURL, timeoutMs: 5_000, ...overrides }),
        { OPENAI_API_KEY: apiKey },
      ),
  }),
);
