import type { ProviderSettings } from '../../core/spec/project-settings';
import { OPENAI_COMPATIBLE_PROVIDER, OpenAICompatibleLanguageModel } from '../../providers/openai-compatible';
import { createTestProjectSettings } from '../helpers/create-test-project-settings';
import { createOpenAIWireHarness } from './create-openai-wire-harness';
import { describeProviderContract } from './describe-provider-contract';

function createHarness(structuredOutput: ProviderSettings['structuredOutput']) {
  return createOpenAIWireHarness({
    apiKey: 'gsk_contract0123456789abcdef',
    createModel: ({ baseURL, apiKey, overrides }) =>
      new OpenAICompatibleLanguageModel(
        createTestProjectSettings({
          name: OPENAI_COMPATIBLE_PROVIDER,
          model: 'llama3.1:8b',
          baseUrl: baseURL,
          apiKey,
          structuredOutput,
          timeoutMs: 5_000,
          ...overrides,
        }),
        {},
      ),
  });
}

describeProviderContract('OpenAICompatibleLanguageModel (structured_output auto, so json_object)', createHarness('auto'));

describeProviderContract('OpenAICompatibleLanguageModel (structured_output json_schema)', createHarness('json_schema'));
