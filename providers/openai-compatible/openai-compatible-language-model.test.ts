import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { container } from 'tsyringe';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { ERROR_CODES } from '../../core/errors';
import type { LanguageModelCallOptions, ResponseFormat } from '../../core/spec/language-model';
import type { ProjectSettings, ProviderSettings } from '../../core/spec/project-settings';
import { TOKENS } from '../../core/tokens';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fake-openai-server';
import { createTestProjectSettings } from '../../test/helpers/create-test-project-settings';
import { rejectionOf } from '../../test/helpers/rejection-of';
import { OPENAI_COMPATIBLE_PROVIDER, OpenAICompatibleLanguageModel } from '.';

const API_KEY = 'gsk_test0123456789abcdef';

const SENTIMENT_SCHEMA = {
  type: 'object',
  properties: { sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] } },
  required: ['sentiment'],
  additionalProperties: false,
};

const JSON_OBJECT_FORMAT: ResponseFormat = { type: 'json', mode: 'json_object', name: 'prediction', schema: SENTIMENT_SCHEMA };

const MESSAGES: LanguageModelCallOptions['messages'] = [
  { role: 'system', content: 'Classify the sentiment. Answer with JSON.' },
  { role: 'user', content: 'I love this product.' },
];

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await createFakeOpenAIServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

function createSettings(provider: Partial<ProviderSettings> = {}): ProjectSettings {
  return createTestProjectSettings({ name: OPENAI_COMPATIBLE_PROVIDER, model: 'llama3.1:8b', timeoutMs: 5_000, ...provider });
}

function createModel(provider: Partial<ProviderSettings> = {}, environment: NodeJS.ProcessEnv = {}): OpenAICompatibleLanguageModel {
  return new OpenAICompatibleLanguageModel(createSettings({ baseUrl: server.baseURL, ...provider }), environment);
}

function generate(model: OpenAICompatibleLanguageModel, options: Partial<LanguageModelCallOptions> = {}) {
  return model.generate({ messages: MESSAGES, responseFormat: JSON_OBJECT_FORMAT, ...options });
}

function generateError(model: OpenAICompatibleLanguageModel, options: Partial<LanguageModelCallOptions> = {}): Promise<Error> {
  return rejectionOf(generate(model, options));
}

function lastRequest() {
  const request = server.requests.at(-1);
  if (!request) throw new Error('no request was recorded');
  return { ...request, body: request.body as ChatCompletionCreateParams };
}

describe('OpenAICompatibleLanguageModel', () => {
  describe('identity', () => {
    it('names the provider and model, and asks for json_object under auto', () => {
      expect(createModel()).toMatchObject({
        specificationVersion: 'v1',
        provider: 'openai-compatible',
        modelId: 'llama3.1:8b',
        structuredOutput: 'json_object',
        acceptsImages: false,
      });
    });

    it.each(['json_schema', 'json_object', 'none'] as const)('takes structured_output %s as what the server supports', (mode) => {
      expect(createModel({ structuredOutput: mode }).structuredOutput).toBe(mode);
    });

    it('takes images only when provider.accepts_images is true, whatever the model id', () => {
      expect(createModel({ model: 'gpt-4o' }).acceptsImages).toBe(false);
      expect(createModel({ model: 'llava:13b', acceptsImages: true }).acceptsImages).toBe(true);
    });

    it('resolves through a child container with the project tokens', async () => {
      const child = container.createChildContainer();
      child.registerInstance(TOKENS.ProjectSettings, createSettings({ baseUrl: server.baseURL }));
      child.registerInstance(TOKENS.Environment, {});
      server.script('{"sentiment":"positive"}');

      await expect(generate(child.resolve(OpenAICompatibleLanguageModel))).resolves.toMatchObject({ text: '{"sentiment":"positive"}' });
    });
  });

  describe('request', () => {
    it('posts to base_url with the model id as it is, json_object, and max_tokens', async () => {
      const model = createModel({ model: 'Qwen/Qwen2.5-7B-Instruct' });

      await generate(model, { temperature: 0.2, maxOutputTokens: 128 });

      expect(lastRequest().path).toBe('/v1/chat/completions');
      expect(lastRequest().body).toEqual({
        model: 'Qwen/Qwen2.5-7B-Instruct',
        messages: MESSAGES,
        response_format: { type: 'json_object' },
        temperature: 0.2,
        max_tokens: 128,
      });
    });

    it('asks for strict json_schema when the server supports it', async () => {
      await generate(createModel({ structuredOutput: 'json_schema' }), {
        responseFormat: { type: 'json', mode: 'json_schema', name: 'prediction', schema: SENTIMENT_SCHEMA },
      });

      expect(lastRequest().body.response_format).toEqual({
        type: 'json_schema',
        json_schema: { name: 'prediction', schema: SENTIMENT_SCHEMA, strict: true },
      });
    });

    it('sends no response_format for plain text', async () => {
      await generate(createModel({ structuredOutput: 'none' }), { responseFormat: { type: 'text' } });

      expect(lastRequest().body).toEqual({ model: 'llama3.1:8b', messages: MESSAGES });
    });

    it('sends images as image_url parts', async () => {
      const image = { type: 'image' as const, mediaType: 'image/png', data: 'iVBORw0KGgo=' };

      await generate(createModel({ acceptsImages: true }), {
        messages: [{ role: 'user', content: [{ type: 'text', text: 'What is shown?' }, image] }],
      });

      expect(lastRequest().body.messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is shown?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          ],
        },
      ]);
    });

    it('passes known options and extra_body fields through, and warns about the rest', async () => {
      const model = createModel({
        options: {
          seed: 7,
          top_p: 0.9,
          top_k: 40,
          extra_body: { top_k: 40, chat_template_kwargs: { enable_thinking: false }, model: 'other', max_tokens: 9, stream: true },
        },
      });

      const result = await generate(model, { maxOutputTokens: 64 });

      expect(lastRequest().body).toEqual({
        model: 'llama3.1:8b',
        messages: MESSAGES,
        response_format: { type: 'json_object' },
        max_tokens: 64,
        seed: 7,
        top_p: 0.9,
        top_k: 40,
        chat_template_kwargs: { enable_thinking: false },
      });
      expect(result.warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'provider.options.top_k',
          message: expect.stringContaining('server-specific fields go in provider.options.extra_body'),
        },
        { type: 'unsupported-setting', setting: 'provider.options.extra_body.model', message: expect.stringContaining('set by provider.model') },
        { type: 'unsupported-setting', setting: 'provider.options.extra_body.max_tokens', message: expect.any(String) },
        { type: 'unsupported-setting', setting: 'provider.options.extra_body.stream', message: expect.any(String) },
      ]);
    });

    it('warns about an extra_body that is not a mapping', async () => {
      const result = await generate(createModel({ options: { extra_body: ['top_k', 40] } }));

      expect(lastRequest().body).not.toHaveProperty('0');
      expect(result.warnings).toEqual([
        { type: 'unsupported-setting', setting: 'provider.options.extra_body', message: expect.stringContaining('must be a mapping') },
      ]);
    });
  });

  describe('authentication and base URL', () => {
    it('sends no Authorization header without provider.api_key, even when OPENAI_API_KEY is set', async () => {
      await generate(createModel({}, { OPENAI_API_KEY: 'sk-openai-key-for-openai-only' }));

      expect(lastRequest().headers).not.toHaveProperty('authorization');
    });

    it('sends provider.api_key as a bearer token', async () => {
      await generate(createModel({ apiKey: API_KEY }));

      expect(lastRequest().headers.authorization).toBe(`Bearer ${API_KEY}`);
    });

    it('fails every call with a clear error that is not retryable without base_url, even when OPENAI_BASE_URL is set', async () => {
      const model = new OpenAICompatibleLanguageModel(createSettings(), { OPENAI_BASE_URL: server.baseURL });

      const error = await generateError(model);

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: false, provider: 'openai-compatible' });
      expect(error.message).toContain('provider.base_url is required for the openai-compatible provider');
      expect(server.requests).toHaveLength(0);
    });

    it('fails with a clear error for a base_url that is not an http(s) URL', async () => {
      const error = await generateError(createModel({ baseUrl: 'localhost:11434/v1' }));

      expect(error).toMatchObject({ isRetryable: false });
      expect(error.message).toContain('provider.base_url is not a valid http(s) URL');
    });
  });

  describe('result and errors', () => {
    it('returns the text, usage, finish reason and the model that answered', async () => {
      server.script({ type: 'completion', content: '{"sentiment":"neutral"}', model: 'llama3.1:8b', usage: { prompt_tokens: 20, completion_tokens: 6 } });

      await expect(generate(createModel())).resolves.toEqual({
        text: '{"sentiment":"neutral"}',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: { inputTokens: 20, outputTokens: 6 },
        warnings: [],
        responseModelId: 'llama3.1:8b',
      });
    });

    it('names the server in errors and keeps the key out of them', async () => {
      server.script({ type: 'error', status: 503, message: `overloaded; key ${API_KEY} has no quota` });

      const error = await generateError(createModel({ apiKey: API_KEY }));

      expect(error).toMatchObject({ provider: 'openai-compatible', statusCode: 503, isRetryable: true });
      expect(error.message).toMatch(/^the OpenAI-compatible server answered 503: overloaded/);
      expect(error.message).not.toContain(API_KEY);
    });

    it('names the server when it cannot be reached', async () => {
      const stoppedServer = await createFakeOpenAIServer();
      await stoppedServer.close();

      const error = await generateError(createModel({ baseUrl: stoppedServer.baseURL }));

      expect(error).toMatchObject({ isRetryable: true });
      expect(error.message).toMatch(/^could not connect to the OpenAI-compatible server at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    });

    it('makes a 200 without a chat completion a retryable error', async () => {
      server.script({ type: 'raw', body: { object: 'list', data: [] } });

      const error = await generateError(createModel());

      expect(error).toMatchObject({ isRetryable: true });
      expect(error.message).toBe('the OpenAI-compatible server answered without a chat completion choice');
    });
  });

  describe('checkAccess', () => {
    /** A vLLM-like server: `GET /v1/models` lists the served models; `GET /v1/models/{id}` is a plain 404. */
    async function startListOnlyServer(models: string[]): Promise<{ baseURL: string; close(): Promise<void>; paths: string[] }> {
      const paths: string[] = [];
      const listOnly = createServer((request, response) => {
        paths.push(`${request.method} ${request.url}`);
        const body = request.url === '/v1/models' ? { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1, owned_by: 'vllm' })) } : { detail: 'Not Found' };
        response.writeHead(request.url === '/v1/models' ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
      await new Promise<void>((resolve) => listOnly.listen(0, '127.0.0.1', resolve));
      const { port } = listOnly.address() as AddressInfo;
      return { baseURL: `http://127.0.0.1:${port}/v1`, paths, close: () => new Promise((resolve) => listOnly.close(() => resolve())) };
    }

    it('is granted when the server retrieves the model, and denied for model_not_found', async () => {
      server.setModels(['llama3.1:8b']);
      expect(await createModel().checkAccess(new AbortController().signal)).toEqual({ status: 'granted' });
      const denied = await createModel({ model: 'llama2:7b' }).checkAccess(new AbortController().signal);
      expect(denied).toMatchObject({ status: 'denied', error: { code: ERROR_CODES.MODEL_NOT_SERVED } });
    });

    it('lists the models of a server without GET /models/{id}, and only reports a model it does not list', async () => {
      const listOnly = await startListOnlyServer(['meta-llama/Llama-3.1-8B-Instruct']);
      try {
        const listed = createModel({ baseUrl: listOnly.baseURL, model: 'meta-llama/Llama-3.1-8B-Instruct' });
        expect(await listed.checkAccess(new AbortController().signal)).toEqual({ status: 'granted' });
        expect(listOnly.paths).toEqual(['GET /v1/models/meta-llama%2FLlama-3.1-8B-Instruct', 'GET /v1/models']);
        const unlisted = await createModel({ baseUrl: listOnly.baseURL, model: 'other-model' }).checkAccess(new AbortController().signal);
        expect(unlisted).toEqual({ status: 'unverified', reason: expect.stringContaining("does not list model 'other-model' (it lists meta-llama/Llama-3.1-8B-Instruct)") });
      } finally {
        await listOnly.close();
      }
    });

    it('is denied when the server refuses the key', async () => {
      server.setApiKeys(['gsk_other']);
      const denied = await createModel({ apiKey: API_KEY }).checkAccess(new AbortController().signal);
      expect(denied).toMatchObject({ status: 'denied', error: { code: ERROR_CODES.PROVIDER_KEY_REJECTED } });
      expect((denied as { error: Error }).error.message).not.toContain(API_KEY.slice(-4));
    });

    it('gives a cache key that changes with the key, and never holds the key', () => {
      const first = createModel({ apiKey: API_KEY }).accessCheckKey;
      expect(createModel({ apiKey: API_KEY }).accessCheckKey).toBe(first);
      expect(createModel({ apiKey: 'gsk_another' }).accessCheckKey).not.toBe(first);
      expect(first).not.toContain(API_KEY);
    });
  });
});
