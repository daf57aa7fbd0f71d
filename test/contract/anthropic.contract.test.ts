import type { MessageCreateParams } from '@anthropic-ai/sdk/resources/messages';
import type { JsonSchema } from '../../core/spec/language-model';
import { ANTHROPIC_PROVIDER, AnthropicLanguageModel } from '../../providers/anthropic';
import { createFakeAnthropicServer, findForcedTool, type FakeAnthropicServer } from '../fake-anthropic-server';
import { createTestProjectSettings } from '../helpers/create-test-project-settings';
import { describeProviderContract, type ContractRequest, type ProviderContractHarness } from './describe-provider-contract';

const API_KEY = 'sk-ant-contract-0123456789abcdef';

function createAnthropicHarness(): ProviderContractHarness {
  let server: FakeAnthropicServer | undefined;
  const started = (): FakeAnthropicServer => {
    if (!server) throw new Error('the contract harness is not set up');
    return server;
  };

  return {
    apiKey: API_KEY,
    async setup() {
      server = await createFakeAnthropicServer();
    },
    async teardown() {
      await server?.close();
    },
    reset() {
      server?.reset();
    },
    createModel(overrides = {}) {
      const settings = createTestProjectSettings({
        name: ANTHROPIC_PROVIDER,
        model: 'claude-haiku-4-5',
        baseUrl: started().baseURL,
        timeoutMs: 5_000,
        ...overrides,
      });
      return new AnthropicLanguageModel(settings, { ANTHROPIC_API_KEY: API_KEY });
    },
    answerText(text) {
      started().script({ type: 'text', text });
    },
    answerSchema(value) {
      started().script({ type: 'tool', input: value });
    },
    failWith(status, headers = {}, message) {
      started().script({ type: 'error', status, headers, ...(message !== undefined && { message }) });
    },
    answerMalformed() {
      started().script({ type: 'malformed' });
    },
    hang() {
      started().script({ type: 'hang' });
    },
    truncate() {
      started().script({ type: 'truncated', text: 'The sentiment is nega' });
    },
    requests() {
      return started().requests.map(({ method, path, headers, body }): ContractRequest => ({ method, path, headers, body }));
    },
    schemaSentIn(request) {
      const tool = request.body ? findForcedTool(request.body as MessageCreateParams) : undefined;
      return tool?.input_schema as JsonSchema | undefined;
    },
  };
}

describeProviderContract('AnthropicLanguageModel', createAnthropicHarness());
