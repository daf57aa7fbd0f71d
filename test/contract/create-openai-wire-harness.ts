import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { JsonSchema, LanguageModel } from '../../core/spec/language-model';
import type { ProviderSettings } from '../../core/spec/project-settings';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import type { ContractRequest, ProviderContractHarness } from './describe-provider-contract';

export interface OpenAIWireModelContext {
  /** The fake server's base URL, ending in `/v1`. */
  baseURL: string;
  apiKey: string;
  /** The provider settings the suite wants changed, e.g. `{ timeoutMs: 300 }`. */
  overrides: Partial<ProviderSettings>;
}

export interface OpenAIWireHarnessOptions {
  /** Default `sk-contract-0123456789abcdef`. */
  apiKey?: string;
  /** Builds the provider's model against the fake OpenAI server. */
  createModel(context: OpenAIWireModelContext): LanguageModel;
}

/**
 * A contract harness for a provider that speaks the OpenAI Chat Completions wire protocol (`POST /v1/chat/completions`),
 * on the fake OpenAI server: structured output is `response_format: json_schema`, the answer its message content.
 */
export function createOpenAIWireHarness(options: OpenAIWireHarnessOptions): ProviderContractHarness {
  const apiKey = options.apiKey ?? 'sk-contract-0123456789abcdef';
  let server: FakeOpenAIServer | undefined;
  const started = (): FakeOpenAIServer => {
    if (!server) throw new Error('the contract harness is not set up');
    return server;
  };

  return {
    apiKey,
    async setup() {
      server = await createFakeOpenAIServer();
    },
    async teardown() {
      await server?.close();
    },
    reset() {
      server?.reset();
    },
    createModel(overrides = {}) {
      return options.createModel({ baseURL: started().baseURL, apiKey, overrides });
    },
    answerText(text) {
      started().script({ type: 'completion', content: text });
    },
    answerSchema(value) {
      started().script({ type: 'completion', content: JSON.stringify(value) });
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
      started().script({ type: 'completion', content: 'The sentiment is nega', finishReason: 'length' });
    },
    requests() {
      return started().requests.map(({ method, path, headers, body }): ContractRequest => ({ method, path, headers, body }));
    },
    schemaSentIn(request) {
      const responseFormat = (request.body as ChatCompletionCreateParams | undefined)?.response_format;
      return responseFormat?.type === 'json_schema' ? (responseFormat.json_schema.schema as JsonSchema | undefined) : undefined;
    },
  };
}
