import { container } from 'tsyringe';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { ERROR_CODES } from '../../core/errors';
import type { LanguageModelCallOptions, ResponseFormat } from '../../core/spec/language-model';
import type { ProjectSettings, ProviderSettings } from '../../core/spec/project-settings';
import { TOKENS } from '../../core/tokens';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fake-openai-server';
import { createTestProjectSettings } from '../../test/helpers/create-test-project-settings';
import { rejectionOf } from '../../test/helpers/rejection-of';
import { withProcessEnvironment } from '../../test/helpers/with-process-environment';
import { AZURE_OPENAI_PROVIDER, AzureOpenAILanguageModel, DEFAULT_AZURE_OPENAI_API_VERSION } from '.';

const API_KEY = '0123456789abcdef0123456789abcdef';
const ENTRA_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzIn0.c2lnbmF0dXJl';

const SENTIMENT_SCHEMA = {
  type: 'object',
  properties: { sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] } },
  required: ['sentiment'],
  additionalProperties: false,
};

const JSON_SCHEMA_FORMAT: ResponseFormat = { type: 'json', mode: 'json_schema', name: 'prediction', schema: SENTIMENT_SCHEMA };

const MESSAGES: LanguageModelCallOptions['messages'] = [
  { role: 'system', content: 'Classify the sentiment.' },
  { role: 'user', content: 'I love this product.' },
];

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await createFakeOpenAIServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

function createSettings(provider: Partial<ProviderSettings> = {}): ProjectSettings {
  return createTestProjectSettings({ name: AZURE_OPENAI_PROVIDER, model: 'gpt-4o', timeoutMs: 5_000, ...provider });
}

function createModel(
  provider: Partial<ProviderSettings> = {},
  environment: NodeJS.ProcessEnv = { AZURE_OPENAI_API_KEY: API_KEY },
): AzureOpenAILanguageModel {
  return new AzureOpenAILanguageModel(createSettings({ baseUrl: server.azureEndpoint, ...provider }), environment);
}

function generate(model: AzureOpenAILanguageModel, options: Partial<LanguageModelCallOptions> = {}) {
  return model.generate({ messages: MESSAGES, responseFormat: JSON_SCHEMA_FORMAT, ...options });
}

function generateError(model: AzureOpenAILanguageModel, options: Partial<LanguageModelCallOptions> = {}): Promise<Error> {
  return rejectionOf(generate(model, options));
}

function lastRequest() {
  const request = server.requests.at(-1);
  if (!request) throw new Error('no request was recorded');
  return { ...request, body: request.body as ChatCompletionCreateParams };
}

describe('AzureOpenAILanguageModel', () => {
  describe('identity', () => {
    it('names the provider, model and deployment, which defaults to the model', () => {
      expect(createModel()).toMatchObject({
        specificationVersion: 'v1',
        provider: 'azure-openai',
        modelId: 'gpt-4o',
        deployment: 'gpt-4o',
        apiVersion: DEFAULT_AZURE_OPENAI_API_VERSION,
        structuredOutput: 'json_schema',
        acceptsImages: true,
      });
      expect(createModel({ options: { deployment: 'prod-4o' } }).deployment).toBe('prod-4o');
    });

    it('decides structured output and images from provider.options.base_model, Azure spellings included', () => {
      expect(createModel({ model: 'labeler', options: { base_model: 'gpt-4o-2024-05-13' } })).toMatchObject({
        structuredOutput: 'json_object',
        acceptsImages: true,
      });
      expect(createModel({ model: 'gpt-35-turbo' })).toMatchObject({ structuredOutput: 'json_object', acceptsImages: false });
      expect(createModel({ model: 'gpt-4', options: { deployment: 'old' } })).toMatchObject({ structuredOutput: 'none', acceptsImages: false });
      expect(createModel({ model: 'gpt-35-turbo', structuredOutput: 'none', acceptsImages: true })).toMatchObject({
        structuredOutput: 'none',
        acceptsImages: true,
      });
    });

    it('resolves through a child container with the project tokens', async () => {
      const child = container.createChildContainer();
      child.registerInstance(TOKENS.ProjectSettings, createSettings({ baseUrl: server.azureEndpoint }));
      child.registerInstance(TOKENS.Environment, { AZURE_OPENAI_API_KEY: API_KEY });
      server.script('{"sentiment":"positive"}');

      await expect(generate(child.resolve(AzureOpenAILanguageModel))).resolves.toMatchObject({ text: '{"sentiment":"positive"}' });
    });
  });

  describe('request', () => {
    it('posts to the deployment with the api-version and the api-key header, asking for strict json_schema', async () => {
      const model = createModel({ options: { deployment: 'prod-4o' } });

      await generate(model, { temperature: 0, maxOutputTokens: 256 });

      const request = lastRequest();
      expect(request.path).toBe(`/openai/deployments/prod-4o/chat/completions?api-version=${DEFAULT_AZURE_OPENAI_API_VERSION}`);
      expect(request.azure).toEqual({ deployment: 'prod-4o', apiVersion: DEFAULT_AZURE_OPENAI_API_VERSION });
      expect(request.headers['api-key']).toBe(API_KEY);
      expect(request.headers).not.toHaveProperty('authorization');
      expect(request.body).toEqual({
        model: 'prod-4o',
        messages: MESSAGES,
        response_format: { type: 'json_schema', json_schema: { name: 'prediction', schema: SENTIMENT_SCHEMA, strict: true } },
        temperature: 0,
        max_completion_tokens: 256,
      });
    });

    it('asks for json_object, or for plain text without a response format', async () => {
      const model = createModel();

      await generate(model, { responseFormat: { type: 'json', mode: 'json_object', name: 'prediction', schema: SENTIMENT_SCHEMA } });
      await generate(model, { responseFormat: { type: 'text' } });

      expect(server.requests[0]?.body).toMatchObject({ response_format: { type: 'json_object' } });
      expect(server.requests[1]?.body).toEqual({ model: 'gpt-4o', messages: MESSAGES });
    });

    it('takes the api-version from provider.options.api_version, else OPENAI_API_VERSION', async () => {
      await generate(createModel({ options: { api_version: '2025-01-01-preview' } }, { AZURE_OPENAI_API_KEY: API_KEY, OPENAI_API_VERSION: '2024-06-01' }));
      await generate(createModel({}, { AZURE_OPENAI_API_KEY: API_KEY, OPENAI_API_VERSION: '2024-06-01' }));

      expect(server.requests.map((request) => request.azure?.apiVersion)).toEqual(['2025-01-01-preview', '2024-06-01']);
    });

    it('takes the endpoint from AZURE_OPENAI_ENDPOINT, with or without a trailing slash or /openai', async () => {
      for (const endpoint of [server.azureEndpoint, `${server.azureEndpoint}/`, `${server.azureEndpoint}/openai/`]) {
        await generate(new AzureOpenAILanguageModel(createSettings(), { AZURE_OPENAI_API_KEY: API_KEY, AZURE_OPENAI_ENDPOINT: endpoint }));
      }

      expect(server.requests.map((request) => request.path.split('?')[0])).toEqual(
        Array(3).fill('/openai/deployments/gpt-4o/chat/completions'),
      );
    });

    it('encodes the deployment name, so it cannot change the path', async () => {
      await generate(createModel({ options: { deployment: 'team/a?b' } }));

      expect(lastRequest().path).toMatch(/^\/openai\/deployments\/team%2Fa%3Fb\/chat\/completions\?api-version=/);
      expect(lastRequest().azure?.deployment).toBe('team/a?b');
    });

    it('sends max_tokens instead of max_completion_tokens to api-versions before 2024-09-01', async () => {
      await generate(createModel({ options: { api_version: '2024-08-01-preview' } }), { maxOutputTokens: 100 });

      expect(lastRequest().body).toMatchObject({ max_tokens: 100 });
      expect(lastRequest().body).not.toHaveProperty('max_completion_tokens');
    });

    it('passes known options through, keeps its own out of the body, and warns about the rest', async () => {
      const model = createModel({
        options: { deployment: 'prod-4o', api_version: '2024-10-21', base_model: 'gpt-4o', seed: 7, top_p: 0.5, user: 'labeler-1', top_k: 40, logit_bias: {} },
      });

      const result = await generate(model);

      expect(lastRequest().body).toEqual(expect.objectContaining({ seed: 7, top_p: 0.5, user: 'labeler-1' }));
      for (const name of ['deployment', 'api_version', 'base_model', 'top_k', 'logit_bias']) {
        expect(lastRequest().body).not.toHaveProperty(name);
      }
      expect(result.warnings).toEqual([
        { type: 'unsupported-setting', setting: 'provider.options.top_k', message: expect.stringContaining('not an Azure OpenAI option') },
        { type: 'unsupported-setting', setting: 'provider.options.logit_bias', message: expect.stringContaining('deployment, api_version') },
      ]);
    });

    it('warns about its own options when they are not strings, and does without them', async () => {
      const result = await generate(createModel({ options: { deployment: 42, api_version: '' } }));

      expect(lastRequest().azure).toEqual({ deployment: 'gpt-4o', apiVersion: DEFAULT_AZURE_OPENAI_API_VERSION });
      expect(result.warnings.map((warning) => warning.setting)).toEqual(['provider.options.deployment', 'provider.options.api_version']);
    });
  });

  describe('api-version limits', () => {
    it('lowers an explicit json_schema to json_object before 2024-08-01, with a warning', async () => {
      const model = createModel({ structuredOutput: 'json_schema', options: { api_version: '2024-06-01' } });

      const result = await generate(model, { responseFormat: { type: 'json', mode: 'json_object', name: 'p', schema: SENTIMENT_SCHEMA } });

      expect(model.structuredOutput).toBe('json_object');
      expect(result.warnings).toEqual([
        {
          type: 'unsupported-setting',
          setting: 'provider.structured_output',
          message: expect.stringContaining('api-version 2024-06-01 does not take json_schema'),
        },
      ]);
    });

    it('picks what the api-version takes for auto, without a warning', async () => {
      const model = createModel({ options: { api_version: '2024-02-01' } });
      const oldest = createModel({ options: { api_version: '2023-05-15' } });

      expect(model.structuredOutput).toBe('json_object');
      expect(oldest.structuredOutput).toBe('none');
      expect((await generate(model, { responseFormat: { type: 'text' } })).warnings).toEqual([]);
    });

    it('keeps json_schema on dated previews since 2024-08-01 and on undated versions', () => {
      for (const apiVersion of ['2024-08-01-preview', '2025-04-01-preview', 'preview']) {
        expect(createModel({ structuredOutput: 'json_schema', options: { api_version: apiVersion } }).structuredOutput).toBe('json_schema');
      }
    });
  });

  describe('checkAccess', () => {
    it('is denied, without a request, when there are no credentials or the token variable is unset', async () => {
      const noCredentials = await createModel({}, {}).checkAccess(new AbortController().signal);
      expect(noCredentials).toMatchObject({ status: 'denied', error: { code: ERROR_CODES.PROVIDER_KEY_MISSING } });
      expect((noCredentials as { error: Error }).error.message).toContain('set AZURE_OPENAI_API_KEY');
      const noToken = await createModel({ options: { azure_ad_token_env: 'LABELING_AD_TOKEN' } }, {}).checkAccess(new AbortController().signal);
      expect(noToken).toMatchObject({ status: 'denied', error: { code: ERROR_CODES.PROVIDER_KEY_MISSING } });
      expect(server.requests).toHaveLength(0);
    });

    it('leaves the deployment unverified, saying why, when the credentials are there', async () => {
      const access = await createModel().checkAccess(new AbortController().signal);
      expect(access).toEqual({ status: 'unverified', reason: expect.stringContaining('no cheap deployment lookup') });
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('credentials', () => {
    it('prefers provider.apiKey to AZURE_OPENAI_API_KEY, and never reads process.env', async () => {
      await withProcessEnvironment(
        { AZURE_OPENAI_API_KEY: 'process-env-key', OPENAI_API_VERSION: '2023-05-15', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', OPENAI_ORG_ID: 'org-x' },
        async () => {
          await generate(createModel({ apiKey: 'settings-key' }));
          await generate(createModel());
        },
      );

      expect(server.requests.map((request) => request.headers['api-key'])).toEqual(['settings-key', API_KEY]);
      expect(server.requests[1]?.azure?.apiVersion).toBe(DEFAULT_AZURE_OPENAI_API_VERSION);
      expect(server.requests[1]?.headers).not.toHaveProperty('openai-organization');
    });

    it('sends the Entra ID token from the variable provider.options.azure_ad_token_env names, as a bearer token', async () => {
      const environment: NodeJS.ProcessEnv = { AZURE_OPENAI_API_KEY: API_KEY, LABELING_AD_TOKEN: ENTRA_TOKEN };
      await withProcessEnvironment({ AZURE_OPENAI_API_KEY: 'process-env-key' }, async () => {
        const model = createModel({ options: { azure_ad_token_env: 'LABELING_AD_TOKEN' } }, environment);

        await generate(model);
        environment.LABELING_AD_TOKEN = 'refreshed-token';
        await generate(model);
      });

      expect(server.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${ENTRA_TOKEN}`, 'Bearer refreshed-token']);
      expect(server.requests[0]?.headers).not.toHaveProperty('api-key');
    });

    it('fails clearly, without a request, when the token variable is unset', async () => {
      const error = await generateError(createModel({ options: { azure_ad_token_env: 'LABELING_AD_TOKEN' } }, {}));

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: false, provider: 'azure-openai' });
      expect(error.message).toContain('LABELING_AD_TOKEN (named by provider.options.azure_ad_token_env) is not set');
      expect(server.requests).toHaveLength(0);
    });

    it('refuses a token written where the variable name belongs, without repeating it', async () => {
      const error = await generateError(createModel({ options: { azure_ad_token_env: ENTRA_TOKEN } }));

      expect(error.message).toContain('must be the name of an environment variable');
      expect(error.message).not.toContain(ENTRA_TOKEN.slice(0, 12));
      expect(server.requests).toHaveLength(0);
    });

    it.each<[string, Partial<ProviderSettings>, NodeJS.ProcessEnv, string]>([
      ['no endpoint', { baseUrl: undefined }, { AZURE_OPENAI_API_KEY: API_KEY }, 'no Azure OpenAI endpoint'],
      ['an endpoint that is not a URL', { baseUrl: 'resource.openai.azure.com' }, { AZURE_OPENAI_API_KEY: API_KEY }, 'not a valid http(s) URL'],
      ['no credentials', {}, {}, 'no Azure OpenAI credentials'],
      ['a key and a token', { apiKey: API_KEY, options: { azure_ad_token_env: 'T' } }, { T: ENTRA_TOKEN }, 'not both'],
    ])('fails every call with a clear error that is not retryable for %s', async (_case, provider, environment, expected) => {
      const error = await generateError(createModel(provider, environment));

      expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: false, provider: 'azure-openai' });
      expect(error.message).toContain(expected);
      expect(error.message).not.toContain(API_KEY);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('result and errors', () => {
    it('returns the text, usage, finish reason and the model the deployment runs', async () => {
      server.script({ type: 'completion', content: '{"sentiment":"negative"}', model: 'gpt-4o-2024-11-20', usage: { prompt_tokens: 31, completion_tokens: 7 } });

      await expect(generate(createModel())).resolves.toEqual({
        text: '{"sentiment":"negative"}',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: { inputTokens: 31, outputTokens: 7 },
        warnings: [],
        responseModelId: 'gpt-4o-2024-11-20',
      });
    });

    it('reports an answer Azure filtered', async () => {
      server.script({ type: 'completion', content: '', finishReason: 'content_filter' });

      await expect(generate(createModel())).resolves.toMatchObject({ finishReason: { unified: 'content-filter', raw: 'content_filter' } });
    });

    it('makes an Azure 429 retryable with its wait, naming Azure once', async () => {
      server.script({ type: 'error', status: 429, headers: { 'retry-after-ms': '1200', 'retry-after': '2' } });

      const error = await generateError(createModel());

      expect(error).toMatchObject({ provider: 'azure-openai', statusCode: 429, isRetryable: true, retryAfterMs: 1200 });
      expect(error.message).toMatch(/^the Azure OpenAI API answered 429: Requests to the ChatCompletions_Create Operation/);
    });

    it('keeps the key and the token out of messages, even when the server echoes them', async () => {
      server.script(
        { type: 'error', status: 401, message: `Access denied for key ${API_KEY}` },
        { type: 'error', status: 401, message: `Token ${ENTRA_TOKEN} expired` },
      );

      const keyError = await generateError(createModel());
      const tokenError = await generateError(createModel({ options: { azure_ad_token_env: 'T' } }, { T: ENTRA_TOKEN }));

      expect(keyError).toMatchObject({ statusCode: 401, isRetryable: false });
      expect(keyError.message).not.toContain(API_KEY);
      expect(tokenError.message).toContain('expired');
      expect(tokenError.message).not.toContain(ENTRA_TOKEN);
    });

    it('names Azure when the endpoint cannot be reached', async () => {
      const stoppedServer = await createFakeOpenAIServer();
      await stoppedServer.close();

      const error = await generateError(createModel({ baseUrl: stoppedServer.azureEndpoint }));

      expect(error).toMatchObject({ isRetryable: true });
      expect(error.message).toMatch(/^could not connect to the Azure OpenAI API at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    });

    it('times out a request that gets no answer, after one request', async () => {
      server.script({ type: 'hang' });

      const error = await generateError(createModel({ timeoutMs: 150 }));

      expect(error).toMatchObject({ isRetryable: true });
      expect(error.message).toContain('did not answer within 150 ms');
      expect(server.requests).toHaveLength(1);
    });
  });
});
