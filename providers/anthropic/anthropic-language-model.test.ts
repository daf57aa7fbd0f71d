import type { MessageCreateParams } from '@anthropic-ai/sdk/resources/messages';
import { container } from 'tsyringe';
import { ERROR_CODES } from '../../core/errors';
import type { LanguageModelCallOptions, ResponseFormat } from '../../core/spec/language-model';
import type { ProviderSettings } from '../../core/spec/project-settings';
import { TOKENS } from '../../core/tokens';
import { createFakeAnthropicServer, type FakeAnthropicServer } from '../../test/fake-anthropic-server';
import { createTestProjectSettings } from '../../test/helpers/create-test-project-settings';
import { rejectionOf } from '../../test/helpers/rejection-of';
import { withProcessEnvironment } from '../../test/helpers/with-process-environment';
import { ANTHROPIC_PROVIDER, AnthropicLanguageModel } from '.';

const API_KEY = 'sk-ant-test-0123456789abcdef';
const MODEL = 'claude-haiku-4-5';

const SENTIMENT_SCHEMA = {
  type: 'object',
  properties: { sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] } },
  required: ['sentiment'],
  additionalProperties: false,
};

const JSON_SCHEMA_FORMAT: ResponseFormat = { type: 'json', mode: 'json_schema', name: 'label_studio_prediction', schema: SENTIMENT_SCHEMA };

const MESSAGES: LanguageModelCallOptions['messages'] = [
  { role: 'system', content: 'Classify the sentiment. Answer with one of: positive, negative, neutral.' },
  { role: 'user', content: 'I love this product.' },
];

let server: FakeAnthropicServer;

beforeAll(async () => {
  server = await createFakeAnthropicServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

function createSettings(provider: Partial<ProviderSettings> = {}) {
  return createTestProjectSettings({ name: ANTHROPIC_PROVIDER, model: MODEL, timeoutMs: 5_000, ...provider });
}

function createModel(
  provider: Partial<ProviderSettings> = {},
  environment: NodeJS.ProcessEnv = { ANTHROPIC_API_KEY: API_KEY },
): AnthropicLanguageModel {
  return new AnthropicLanguageModel(createSettings({ baseUrl: server.baseURL, ...provider }), environment);
}

function generate(model: AnthropicLanguageModel, options: Partial<LanguageModelCallOptions> = {}) {
  return model.generate({ messages: MESSAGES, responseFormat: JSON_SCHEMA_FORMAT, ...options });
}

function generateError(model: AnthropicLanguageModel, options: Partial<LanguageModelCallOptions> = {}): Promise<Error> {
  return rejectionOf(generate(model, options));
}

function lastRequestBody(): MessageCreateParams {
  return server.requests.at(-1)?.body as MessageCreateParams;
}

describe('AnthropicLanguageModel', () => {
  describe('identity', () => {
    it('names the provider and model, and picks structured output and image input from the model id', () => {
      expect(createModel()).toMatchObject({
        specificationVersion: 'v1',
        provider: 'anthropic',
        modelId: MODEL,
        structuredOutput: 'json_schema',
        acceptsImages: true,
      });
      expect(createModel({ model: 'claude-2.1' })).toMatchObject({ structuredOutput: 'none', acceptsImages: false });
      expect(createModel({ structuredOutput: 'json_object', acceptsImages: false })).toMatchObject({
        structuredOutput: 'json_object',
        acceptsImages: false,
      });
    });

    it('resolves through a child container with the project tokens', async () => {
      const child = container.createChildContainer();
      child.registerInstance(TOKENS.ProjectSettings, createSettings({ baseUrl: server.baseURL }));
      child.registerInstance(TOKENS.Environment, { ANTHROPIC_API_KEY: API_KEY });
      const model = child.resolve(AnthropicLanguageModel);
      server.script({ type: 'tool', input: { sentiment: 'positive' } });

      await expect(generate(model)).resolves.toMatchObject({ text: '{"sentiment":"positive"}' });
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    });
  });

  describe('request', () => {
    it('sends the system prompt, a forced answer tool and max_tokens to POST /v1/messages', async () => {
      await generate(createModel(), { maxOutputTokens: 256 });

      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages' });
      expect(server.requests[0]?.headers).toMatchObject({ 'anthropic-version': '2026-10-21', 'x-stainless-retry-count': '0' });
      expect(lastRequestBody()).toEqual({
        model: MODEL,
        max_tokens: 256,
        system: 'Classify the sentiment. Answer with one of: positive, negative, neutral.',
        messages: [{ role: 'user', content: 'I love this product.' }],
        tools: [{ name: 'label_studio_prediction', description: expect.any(String), input_schema: SENTIMENT_SCHEMA }],
        tool_choice: { type: 'tool', name: 'label_studio_prediction', disable_parallel_tool_use: true },
      });
    });

    it('sends max_tokens 1024 and no tools for a text call without a limit', async () => {
      await generate(createModel(), { responseFormat: { type: 'text' } });

      expect(lastRequestBody()).toEqual({
        model: MODEL,
        max_tokens: 1024,
        system: MESSAGES[0]?.content,
        messages: [{ role: 'user', content: 'I love this product.' }],
      });
    });

    it('sends images as base64 and URL image blocks', async () => {
      const messages: LanguageModelCallOptions['messages'] = [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Which animal?' },
            { type: 'image', mediaType: 'image/jpeg', data: '/9j/4AAQSkZJRg==' },
            { type: 'image', url: 'https://example.com/cat.webp' },
          ],
        },
      ];

      await generate(createModel(), { messages, responseFormat: { type: 'text' } });

      expect(lastRequestBody().messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Which animal?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQSkZJRg==' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.webp' } },
          ],
        },
      ]);
    });

    it('passes known provider options through and warns about the others, seed and temperature included', async () => {
      const model = createModel({ options: { stop_sequences: ['###'], metadata: { user_id: 'labeler-1' }, seed: 7, top_k: 40, reasoning: 'high' } });

      const result = await generate(model, { temperature: 0 });

      expect(server.requests).toHaveLength(1);
      expect(lastRequestBody()).toMatchObject({ stop_sequences: ['###'], metadata: { user_id: 'labeler-1' } });
      for (const name of ['seed', 'top_k', 'reasoning', 'temperature']) expect(lastRequestBody()).not.toHaveProperty(name);
      expect(result.warnings.map((warning) => warning.setting)).toEqual([
        'provider.options.seed',
        'provider.options.top_k',
        'provider.options.reasoning',
        'provider.temperature',
      ]);
    });

    it('asks a json_object model for text, with a warning', async () => {
      const model = createModel({ structuredOutput: 'json_object' });
      server.script('{"sentiment":"neutral"}');

      const result = await generate(model, { responseFormat: { ...JSON_SCHEMA_FORMAT, mode: 'json_object' } });

      expect(lastRequestBody()).not.toHaveProperty('tools');
      expect(result).toMatchObject({ text: '{"sentiment":"neutral"}', finishReason: { unified: 'stop', raw: 'end_turn' } });
      expect(result.warnings).toEqual([expect.objectContaining({ setting: 'provider.structured_output' })]);
    });
  });

  describe('authentication and base URL', () => {
    it('sends the API key from the injected environment, never from process.env', async () => {
      await withProcessEnvironment({ ANTHROPIC_API_KEY: 'sk-ant-process-env-key', ANTHROPIC_BASE_URL: 'http://127.0.0.1:1' }, async () => {
        await generate(createModel());
      });

      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    });

    it('prefers provider.apiKey to ANTHROPIC_API_KEY', async () => {
      await generate(createModel({ apiKey: 'sk-ant-from-settings-key' }));

      expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-ant-from-settings-key');
    });

    it('takes the base URL from ANTHROPIC_BASE_URL when the settings have none', async () => {
      const model = new AnthropicLanguageModel(createSettings(), { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: server.baseURL });

      await generate(model);

      expect(server.requests).toHaveLength(1);
    });

    it('without a key, fails every call for the Anthropic API with a clear error that is not retryable', async () => {
      await withProcessEnvironment({ ANTHROPIC_API_KEY: 'sk-ant-process-env-key' }, async () => {
        for (const baseUrl of [undefined, 'https://api.anthropic.com']) {
          const error = await generateError(new AnthropicLanguageModel(createSettings({ baseUrl }), {}));

          expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: false, provider: 'anthropic' });
          expect(error.message).toContain('ANTHROPIC_API_KEY is not set');
        }
      });
      expect(server.requests).toHaveLength(0);
    });

    it('without a key, sends no credential to a custom base URL (a proxy)', async () => {
      const result = await generate(createModel({}, {}));

      expect(result.text).toBe('{"sentiment":"positive"}');
      expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
      expect(server.requests[0]?.headers).not.toHaveProperty('x-api-key');
    });

    it('fails with a clear error for a base URL that is not a URL', async () => {
      const error = await generateError(createModel({ baseUrl: 'not a url' }));

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: false });
      expect(error.message).toContain('not a valid URL');
    });
  });

  describe('result', () => {
    it('returns the forced tool input as JSON text, with usage, finish reason and the model that answered', async () => {
      server.script({ type: 'tool', input: { sentiment: 'negative' }, model: 'claude-haiku-4-5-20251001', usage: { input_tokens: 31, output_tokens: 7 } });

      const result = await generate(createModel());

      expect(result).toEqual({
        text: '{"sentiment":"negative"}',
        finishReason: { unified: 'stop', raw: 'tool_use' },
        usage: { inputTokens: 31, outputTokens: 7 },
        warnings: [],
        responseModelId: 'claude-haiku-4-5-20251001',
      });
    });

    it('answers the first enum value by default, from the tool input_schema the request carried', async () => {
      await expect(generate(createModel())).resolves.toMatchObject({ text: '{"sentiment":"positive"}' });
    });

    it('reports a tool call cut off at max_tokens', async () => {
      server.script({ type: 'truncated' });

      const result = await generate(createModel());

      expect(result).toMatchObject({ text: '{}', finishReason: { unified: 'length', raw: 'max_tokens' } });
    });

    it('reports a refusal', async () => {
      server.script({ type: 'refusal', explanation: 'This request could enable harm.', category: 'general_harms' });

      const result = await generate(createModel());

      expect(result).toMatchObject({
        text: '',
        refusal: 'This request could enable harm.',
        finishReason: { unified: 'content-filter', raw: 'refusal' },
      });
    });
  });

  describe('errors', () => {
    it('makes a 529 overloaded_error retryable, with the wait from retry-after', async () => {
      server.script({ type: 'error', status: 529, headers: { 'retry-after': '4' } });

      const error = await generateError(createModel());

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, statusCode: 529, isRetryable: true, retryAfterMs: 4_000 });
      expect(error.message).toMatch(/^the Anthropic API answered 529 \(overloaded_error\): Overloaded \[request req_fake\d+\]$/);
      expect(server.requests).toHaveLength(1);
    });

    it.each([403, 404, 413])('does not retry %i', async (status) => {
      server.script({ type: 'error', status });

      await expect(generateError(createModel())).resolves.toMatchObject({ statusCode: status, isRetryable: false });
    });

    it('makes a 200 without a message a retryable error', async () => {
      server.script({ type: 'raw', body: 'upstream is warming up' }, { type: 'raw', body: { object: 'list', data: [] } });

      for (let attempt = 0; attempt < 2; attempt += 1) {
        const error = await generateError(createModel());
        expect(error).toMatchObject({ isRetryable: true });
        expect(error.message).toContain('without a message');
      }
    });

    it('times out an answer whose body stalls after the headers', async () => {
      server.script({ type: 'hang', partialBody: '{"id":"msg_1","type":"message","content":[' });

      const error = await generateError(createModel({ timeoutMs: 150 }));

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true });
      expect(error.message).toContain('did not answer within 150 ms');
    });

    it('makes a refused connection a retryable error', async () => {
      const stoppedServer = await createFakeAnthropicServer();
      await stoppedServer.close();

      const error = await generateError(createModel({ baseUrl: stoppedServer.baseURL }));

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true });
      expect(error.message).toMatch(/could not connect to the Anthropic API at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    });
  });
});
