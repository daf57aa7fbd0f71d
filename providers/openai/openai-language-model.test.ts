import { container } from 'tsyringe';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { ERROR_CODES, PrelabelError } from '../../core/errors';
import type { LanguageModelCallOptions, ResponseFormat } from '../../core/spec/language-model';
import type { ProjectSettings, ProviderSettings } from '../../core/spec/project-settings';
import { TOKENS } from '../../core/tokens';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fake-openai-server';
import { createTestProjectSettings } from '../../test/helpers/create-test-project-settings';
import { rejectionOf } from '../../test/helpers/rejection-of';
import { withProcessEnvironment } from '../../test/helpers/with-process-environment';
import { OPENAI_PROVIDER, OpenAILanguageModel } from '.';

const API_KEY = 'sk-test-0123456789abcdef';

const SENTIMENT_SCHEMA = {
  type: 'object',
  properties: { sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] } },
  required: ['sentiment'],
  additionalProperties: false,
};

const JSON_SCHEMA_FORMAT: ResponseFormat = { type: 'json', mode: 'json_schema', name: 'prediction', schema: SENTIMENT_SCHEMA };

const MESSAGES: LanguageModelCallOptions['messages'] = [
  { role: 'system', content: 'Classify the sentiment. Answer with one of: positive, negative, neutral.' },
  { role: 'user', content: 'I love this product.' },
];

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await createFakeOpenAIServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

function createSettings(provider: Partial<ProviderSettings> = {}): ProjectSettings {
  return createTestProjectSettings({ name: OPENAI_PROVIDER, model: 'gpt-4o-mini', timeoutMs: 5_000, ...provider });
}

function createModel(
  provider: Partial<ProviderSettings> = {},
  environment: NodeJS.ProcessEnv = { OPENAI_API_KEY: API_KEY },
): OpenAILanguageModel {
  return new OpenAILanguageModel(createSettings({ baseUrl: server.baseURL, ...provider }), environment);
}

function generate(model: OpenAILanguageModel, options: Partial<LanguageModelCallOptions> = {}) {
  return model.generate({ messages: MESSAGES, responseFormat: JSON_SCHEMA_FORMAT, ...options });
}

function generateError(model: OpenAILanguageModel, options: Partial<LanguageModelCallOptions> = {}): Promise<Error> {
  return rejectionOf(generate(model, options));
}

function lastRequestBody(): ChatCompletionCreateParams {
  return server.requests.at(-1)?.body as ChatCompletionCreateParams;
}

describe('OpenAILanguageModel', () => {
  describe('identity', () => {
    it('names the provider and model, and picks the structured output from the model id', () => {
      const model = createModel({ model: 'gpt-4-0613' });
      expect(model).toMatchObject({
        specificationVersion: 'v1',
        provider: 'openai',
        modelId: 'gpt-4-0613',
        structuredOutput: 'none',
      });
      expect(createModel({ model: 'gpt-4-0613', structuredOutput: 'json_object' }).structuredOutput).toBe('json_object');
    });

    it('resolves through a child container with the project tokens', async () => {
      const child = container.createChildContainer();
      child.registerInstance(TOKENS.ProjectSettings, createSettings({ baseUrl: server.baseURL }));
      child.registerInstance(TOKENS.Environment, { OPENAI_API_KEY: API_KEY });
      const model = child.resolve(OpenAILanguageModel);
      server.script('{"sentiment":"positive"}');

      await expect(generate(model)).resolves.toMatchObject({ text: '{"sentiment":"positive"}' });
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    });
  });

  describe('request', () => {
    it('asks for strict json_schema output', async () => {
      await generate(createModel(), { temperature: 0, maxOutputTokens: 256 });

      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions' });
      expect(lastRequestBody()).toEqual({
        model: 'gpt-4o-mini',
        messages: MESSAGES,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'prediction', schema: SENTIMENT_SCHEMA, strict: true },
        },
        temperature: 0,
        max_completion_tokens: 256,
      });
    });

    it('asks for json_object output', async () => {
      await generate(createModel(), {
        responseFormat: { type: 'json', mode: 'json_object', name: 'prediction', schema: SENTIMENT_SCHEMA },
      });

      expect(lastRequestBody()).toEqual({
        model: 'gpt-4o-mini',
        messages: MESSAGES,
        response_format: { type: 'json_object' },
      });
    });

    it('sends no response_format, temperature or token limit for a plain text call without them', async () => {
      await generate(createModel(), { responseFormat: { type: 'text' } });

      expect(lastRequestBody()).toEqual({ model: 'gpt-4o-mini', messages: MESSAGES });
    });

    it('passes known provider options through and warns about the others', async () => {
      const model = createModel({
        options: { seed: 7, top_p: 0.5, presence_penalty: 0.1, frequency_penalty: 0.2, user: 'labeler-1', logprobs: true, top_logprobs: 2, reasoning: 'high', seed_text: 3, user_id: 5, top_k: 40 },
      });
      const modelWithBadType = createModel({ options: { seed: 'seven' } });

      const result = await generate(model);
      const badTypeResult = await generate(modelWithBadType);

      expect(server.requests[0]?.body).toMatchObject({
        seed: 7,
        top_p: 0.5,
        presence_penalty: 0.1,
        frequency_penalty: 0.2,
        user: 'labeler-1',
        logprobs: true,
        top_logprobs: 2,
      });
      expect(server.requests[0]?.body).not.toHaveProperty('reasoning');
      expect(server.requests[0]?.body).not.toHaveProperty('top_k');
      expect(result.warnings.map((warning) => warning.setting)).toEqual([
        'provider.options.reasoning',
        'provider.options.seed_text',
        'provider.options.user_id',
        'provider.options.top_k',
      ]);
      expect(result.warnings[0]).toMatchObject({ type: 'unsupported-setting' });
      expect(server.requests[1]?.body).not.toHaveProperty('seed');
      expect(badTypeResult.warnings).toEqual([
        { type: 'unsupported-setting', setting: 'provider.options.seed', message: expect.stringContaining('must be a number') },
      ]);
    });

    it('does not let provider options replace the model, messages or response format', async () => {
      await generate(createModel({ options: { model: 'gpt-3.5-turbo', messages: [], response_format: { type: 'text' } } }));

      expect(lastRequestBody()).toMatchObject({ model: 'gpt-4o-mini', messages: MESSAGES, response_format: { type: 'json_schema' } });
    });
  });

  describe('authentication and base URL', () => {
    it('sends the API key from the injected environment, never from process.env', async () => {
      await withProcessEnvironment({ OPENAI_API_KEY: 'sk-process-env-key', OPENAI_ORG_ID: 'org-process-env' }, async () => {
        await generate(createModel());
      });

      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(server.requests[0]?.headers).not.toHaveProperty('openai-organization');
    });

    it('prefers provider.apiKey to OPENAI_API_KEY', async () => {
      await generate(createModel({ apiKey: 'sk-from-settings-key' }));

      expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-from-settings-key');
    });

    it('takes the base URL from OPENAI_BASE_URL when the settings have none', async () => {
      const model = new OpenAILanguageModel(createSettings(), { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: server.baseURL });

      await generate(model);

      expect(server.requests).toHaveLength(1);
    });

    it('without a key, fails every call for the OpenAI API with a clear error that is not retryable', async () => {
      await withProcessEnvironment({ OPENAI_API_KEY: 'sk-process-env-key' }, async () => {
        for (const baseUrl of [undefined, 'https://api.openai.com/v1']) {
          const model = new OpenAILanguageModel(createSettings({ baseUrl }), {});

          const error = await generateError(model);

          expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: false, provider: 'openai' });
          expect(error.message).toContain('OPENAI_API_KEY is not set');
        }
      });
      expect(server.requests).toHaveLength(0);
    });

    it('without a key, sends no Authorization header to a custom base URL (Ollama, vLLM)', async () => {
      const result = await generate(createModel({}, {}));

      expect(result.text).toBe('{"sentiment":"positive"}');
      expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
    });

    it('fails with a clear error for a base URL that is not a URL', async () => {
      const error = await generateError(createModel({ baseUrl: 'not a url' }));

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: false });
      expect(error.message).toContain('not a valid URL');
    });
  });

  describe('result', () => {
    it('returns the text, usage, finish reason and the model that answered', async () => {
      server.script({
        type: 'completion',
        content: '{"sentiment":"negative"}',
        model: 'gpt-4o-mini-2024-07-18',
        usage: { prompt_tokens: 31, completion_tokens: 7 },
      });

      const result = await generate(createModel());

      expect(result).toEqual({
        text: '{"sentiment":"negative"}',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: { inputTokens: 31, outputTokens: 7 },
        warnings: [],
        responseModelId: 'gpt-4o-mini-2024-07-18',
      });
    });

    it('answers from the prompt through a handler', async () => {
      server.setHandler((body) => {
        const prompt = body.messages.map((message) => String(message.content)).join('\n');
        const label = ['positive', 'negative', 'neutral'].find((candidate) => prompt.includes(`label:${candidate}`));
        return JSON.stringify({ sentiment: label });
      });

      const result = await generate(createModel(), { messages: [{ role: 'user', content: 'Answer label:neutral' }] });

      expect(result.text).toBe('{"sentiment":"neutral"}');
    });

    it('reports a truncated answer', async () => {
      server.script({ type: 'completion', content: '{"sentim', finishReason: 'length' });

      const result = await generate(createModel());

      expect(result).toMatchObject({ text: '{"sentim', finishReason: { unified: 'length', raw: 'length' } });
    });

    it('reports a refusal with empty text', async () => {
      server.script({ type: 'refusal', refusal: "I'm sorry, I can't help with that." });

      const result = await generate(createModel());

      expect(result).toMatchObject({
        text: '',
        refusal: "I'm sorry, I can't help with that.",
        finishReason: { unified: 'stop', raw: 'stop' },
      });
    });

    it.each([
      ['content_filter', 'content-filter'],
      ['tool_calls', 'tool-calls'],
    ] as const)('maps finish reason %s to %s', async (raw, unified) => {
      server.script({ type: 'completion', content: '', finishReason: raw });

      const result = await generate(createModel());

      expect(result.finishReason).toEqual({ unified, raw });
    });
  });

  describe('logprobs', () => {
    it.each([
      ['gpt-4o-mini', true],
      ['gpt-4.1-2025-04-14', true],
      ['ft:gpt-4o-2024-08-06:acme::abc123', true],
      ['o1', false],
      ['o3-mini', false],
      ['o4-mini-2025-04-16', false],
      ['gpt-5-mini', false],
      ['gpt-5-chat-latest', true],
    ])('says whether %s returns logprobs (%s)', (model, expected) => {
      expect(createModel({ model }).returnsLogprobs).toBe(expected);
    });

    it('asks for logprobs and top_logprobs and returns each token with its logprob', async () => {
      server.script({
        type: 'completion',
        content: '{"sentiment":"negative"}',
        logprobs: [
          { token: '{"', logprob: 0 },
          { token: 'sentiment', logprob: -0.001 },
          { token: '":"', logprob: 0 },
          { token: 'negative', logprob: -0.25 },
          { token: '"}', logprob: -0.0001 },
        ],
      });

      const result = await generate(createModel({ options: { top_logprobs: 2 } }), { logprobs: true });

      expect(lastRequestBody()).toMatchObject({ logprobs: true, top_logprobs: 2 });
      expect(result.tokenLogprobs).toEqual([
        { token: '{"', logprob: 0 },
        { token: 'sentiment', logprob: -0.001 },
        { token: '":"', logprob: 0 },
        { token: 'negative', logprob: -0.25 },
        { token: '"}', logprob: -0.0001 },
      ]);
    });

    it("returns the fake server's default tokens, which spell the answer", async () => {
      server.script('{"sentiment":"positive"}');

      const result = await generate(createModel(), { logprobs: true });

      expect(result.tokenLogprobs?.map(({ token }) => token)).toEqual(['{"se', 'ntim', 'ent"', ':"po', 'siti', 've"}']);
      expect(result.tokenLogprobs?.every(({ logprob }) => logprob === 0)).toBe(true);
    });

    it('neither asks for nor returns logprobs unless the call asks', async () => {
      server.script({ type: 'completion', content: '{"sentiment":"positive"}', logprobs: [{ token: '{"sentiment":"positive"}', logprob: 0 }] });

      const result = await generate(createModel());

      expect(lastRequestBody()).not.toHaveProperty('logprobs');
      expect(result).not.toHaveProperty('tokenLogprobs');
    });

    it.each([
      ['null logprobs', null],
      ['null content', { content: null, refusal: null }],
      ['an entry without a logprob', { content: [{ token: '{}', bytes: [123, 125], top_logprobs: [] }], refusal: null }],
    ])('returns no token logprobs for %s', async (_case, logprobs) => {
      server.script({
        type: 'raw',
        body: {
          id: 'chatcmpl-raw',
          object: 'chat.completion',
          created: 1,
          model: 'gpt-4o-mini',
          choices: [{ index: 0, message: { role: 'assistant', content: '{}', refusal: null }, logprobs, finish_reason: 'stop' }],
        },
      });

      const result = await generate(createModel(), { logprobs: true });

      expect(result.text).toBe('{}');
      expect(result).not.toHaveProperty('tokenLogprobs');
    });
  });

  describe('errors', () => {
    it('makes a 429 retryable, with the wait from retry-after in seconds', async () => {
      server.script({ type: 'error', status: 429, headers: { 'retry-after': '1' } });

      const error = await generateError(createModel());

      expect(PrelabelError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        code: ERROR_CODES.PROVIDER_CALL_FAILED,
        provider: 'openai',
        statusCode: 429,
        isRetryable: true,
        retryAfterMs: 1000,
      });
      expect(error.message).toMatch(/^the OpenAI API answered 429 \(rate_limit_exceeded\): Rate limit reached/);
      expect(server.requests).toHaveLength(1);
    });

    it('prefers retry-after-ms to retry-after', async () => {
      server.script({ type: 'error', status: 429, headers: { 'retry-after-ms': '250', 'retry-after': '3' } });

      await expect(generateError(createModel())).resolves.toMatchObject({ retryAfterMs: 250 });
    });

    it.each([408, 409, 429, 500, 502, 503])('makes %i retryable', async (status) => {
      server.script({ type: 'error', status });

      const error = await generateError(createModel());

      expect(error).toMatchObject({ statusCode: status, isRetryable: true, retryAfterMs: undefined });
      expect(server.requests).toHaveLength(1);
    });

    it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
      server.script({ type: 'error', status });

      const error = await generateError(createModel());

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, statusCode: status, isRetryable: false });
      expect(server.requests).toHaveLength(1);
    });

    it('keeps the API key out of the message, even when the server echoes it', async () => {
      server.script({
        type: 'error',
        status: 401,
        message: `Incorrect API key provided: ${API_KEY}. Header was Authorization: Bearer ${API_KEY}`,
        code: 'invalid_api_key',
      });

      const error = await generateError(createModel());

      expect(error).toMatchObject({ statusCode: 401, isRetryable: false });
      expect(error.message).toContain('Incorrect API key provided');
      expect(error.message).not.toContain(API_KEY);
      expect(error.message).not.toContain('0123456789abcdef');
    });

    it('makes a 200 whose body is not JSON a retryable error', async () => {
      server.script({ type: 'malformed' });

      const error = await generateError(createModel());

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true });
      expect(error.message).toContain('not valid JSON');
    });

    it('makes a 200 without a chat completion a retryable error', async () => {
      server.script({ type: 'raw', body: 'upstream is warming up' }, { type: 'raw', body: { object: 'list', data: [] } });

      for (let attempt = 0; attempt < 2; attempt += 1) {
        const error = await generateError(createModel());
        expect(error).toMatchObject({ isRetryable: true });
        expect(error.message).toContain('without a chat completion choice');
      }
    });

    it('times out a request that gets no answer, as a retryable error, after one request', async () => {
      server.script({ type: 'hang' });
      const startedAt = Date.now();

      const error = await generateError(createModel({ timeoutMs: 150 }));

      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true, statusCode: undefined });
      expect(error.message).toContain('did not answer within 150 ms');
      expect(server.requests).toHaveLength(1);
    });

    it('times out an answer whose body stalls after the headers', async () => {
      server.script({ type: 'hang', partialBody: '{"id":"chatcmpl-1","object":"chat.completion","choices":[' });

      const error = await generateError(createModel({ timeoutMs: 150 }));

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true });
      expect(error.message).toContain('did not answer within 150 ms');
    });

    it('makes a refused connection a retryable error', async () => {
      const stoppedServer = await createFakeOpenAIServer();
      await stoppedServer.close();

      const error = await generateError(createModel({ baseUrl: stoppedServer.baseURL }));

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true });
      expect(error.message).toMatch(/could not connect to the OpenAI API at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    });

    it('turns an abort during the call into AbortedError', async () => {
      server.script({ type: 'hang' });
      const controller = new AbortController();
      const pending = generateError(createModel(), { abortSignal: controller.signal });
      await waitFor(() => server.requests.length === 1);

      controller.abort();

      await expect(pending).resolves.toMatchObject({ code: ERROR_CODES.ABORTED, isRetryable: false });
    });

    it('sends nothing when the signal is already aborted', async () => {
      const error = await generateError(createModel(), { abortSignal: AbortSignal.abort() });

      expect(error).toMatchObject({ code: ERROR_CODES.ABORTED });
      expect(server.requests).toHaveLength(0);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
