import OpenAI, { AzureOpenAI } from 'openai';
import { createFakeOpenAIServer, createSchemaAnswer, splitIntoFakeTokens, type FakeOpenAIServer } from '.';

let server: FakeOpenAIServer;
let client: OpenAI;

beforeAll(async () => {
  server = await createFakeOpenAIServer({ models: ['gpt-4o-mini'] });
  client = new OpenAI({ apiKey: 'sk-test', baseURL: server.baseURL, maxRetries: 0, timeout: 2_000 });
});
afterEach(() => server.reset());
afterAll(() => server.close());

function post(path: string, body: string): Promise<Response> {
  return fetch(`${server.baseURL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('createFakeOpenAIServer', () => {
  it('answers a chat completion shaped like the real API and records the request', async () => {
    server.script({ type: 'completion', content: 'hello', usage: { prompt_tokens: 3, completion_tokens: 1 } });

    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });

    expect(completion).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'hello', refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    });
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/chat/completions',
        headers: expect.objectContaining({ authorization: 'Bearer sk-test' }),
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
      }),
    ]);
  });

  it('uses the script in order, then the handler', async () => {
    server.script('first', (body) => `second for ${body.model}`);
    server.setHandler(() => 'from handler');
    const ask = async () =>
      (await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).choices[0]?.message.content;

    expect([await ask(), await ask(), await ask()]).toEqual(['first', 'second for m', 'from handler']);
  });

  it('answers the first enum value of a json_schema by default', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'answer',
          strict: true,
          schema: {
            type: 'object',
            properties: { label: { type: 'string', enum: ['spam', 'ham'] }, tags: { type: 'array', items: { type: 'string' } } },
            required: ['label', 'tags'],
            additionalProperties: false,
          },
        },
      },
    });

    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ label: 'spam', tags: [] });
  });

  it('sends the real error body and chosen headers', async () => {
    server.script({ type: 'error', status: 429, headers: { 'retry-after': '1' } });

    const response = await post('/chat/completions', '{"model":"m","messages":[]}');

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({
      error: { message: expect.stringContaining('Rate limit reached'), type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
  });

  it('sends a malformed body with a JSON content type', async () => {
    server.script({ type: 'malformed' });

    const response = await post('/chat/completions', '{"model":"m","messages":[]}');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toMatchObject({ name: 'SyntaxError' });
  });

  it('answers a request body that is not JSON with a 400', async () => {
    const response = await post('/chat/completions', '{not json');

    expect(response.status).toBe(400);
    expect(server.requests[0]).toMatchObject({ body: undefined, rawBody: '{not json' });
  });

  it('lists models and answers unknown routes with a 404', async () => {
    const models = await client.models.list();

    expect(models.data).toEqual([{ id: 'gpt-4o-mini', object: 'model', created: expect.any(Number), owned_by: 'system' }]);
    expect((await post('/embeddings', '{}')).status).toBe(404);
  });

  it('retrieves a served model, and answers 404 model_not_found for another, as the real API does', async () => {
    expect(await client.models.retrieve('gpt-4o-mini')).toEqual({ id: 'gpt-4o-mini', object: 'model', created: expect.any(Number), owned_by: 'system' });
    const response = await fetch(`${server.baseURL}/models/gpt-4-0613`, { headers: { authorization: 'Bearer sk-test' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: 'The model `gpt-4-0613` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' },
    });
    server.setModels(['gpt-4-0613']);
    expect((await client.models.retrieve('gpt-4-0613')).id).toBe('gpt-4-0613');
  });

  it('accepts only the configured keys on /v1 routes: 401 invalid_api_key for another, 401 for none', async () => {
    server.setApiKeys(['sk-accepted-0123456789']);
    const wrong = await fetch(`${server.baseURL}/models/gpt-4o-mini`, { headers: { authorization: 'Bearer sk-test-wrong-9876' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { message: expect.stringMatching(/^Incorrect API key provided: sk-\*+9876\./), type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    });
    const none = await fetch(`${server.baseURL}/models`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/^You didn't provide an API key/);
    const accepted = new OpenAI({ apiKey: 'sk-accepted-0123456789', baseURL: server.baseURL, maxRetries: 0 });
    expect((await accepted.models.retrieve('gpt-4o-mini')).id).toBe('gpt-4o-mini');
    server.reset();
    expect((await client.models.retrieve('gpt-4o-mini')).id).toBe('gpt-4o-mini');
  });

  it('delays an answer', async () => {
    server.script({ type: 'completion', content: 'late', delayMs: 50 });
    const startedAt = Date.now();

    await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
  });

  it('sends logprobs only when asked: 4 code points a token with logprob 0, or the scripted tokens', async () => {
    server.script('{"a":"é😀xyz"}', { type: 'completion', content: 'ab', logprobs: [{ token: 'a', logprob: -0.5 }, { token: 'b', logprob: -1 }] }, 'plain');
    const messages = [{ role: 'user' as const, content: 'x' }];

    const split = await client.chat.completions.create({ model: 'm', messages, logprobs: true, top_logprobs: 1 });
    const scripted = await client.chat.completions.create({ model: 'm', messages, logprobs: true });
    const unasked = await client.chat.completions.create({ model: 'm', messages });

    expect(split.choices[0]?.logprobs).toEqual({
      content: [
        { token: '{"a"', logprob: 0, bytes: [123, 34, 97, 34], top_logprobs: [{ token: '{"a"', logprob: 0, bytes: [123, 34, 97, 34] }] },
        { token: ':"é😀', logprob: 0, bytes: [58, 34, 195, 169, 240, 159, 152, 128], top_logprobs: [expect.objectContaining({ token: ':"é😀' })] },
        { token: 'xyz"', logprob: 0, bytes: [120, 121, 122, 34], top_logprobs: [expect.objectContaining({ token: 'xyz"' })] },
        { token: '}', logprob: 0, bytes: [125], top_logprobs: [expect.objectContaining({ token: '}' })] },
      ],
      refusal: null,
    });
    expect(splitIntoFakeTokens('{"a":"é😀xyz"}').map(({ token }) => token).join('')).toBe('{"a":"é😀xyz"}');
    expect(scripted.choices[0]?.logprobs?.content).toEqual([
      { token: 'a', logprob: -0.5, bytes: [97], top_logprobs: [] },
      { token: 'b', logprob: -1, bytes: [98], top_logprobs: [] },
    ]);
    expect(unasked.choices[0]?.logprobs).toBeNull();
  });

  it('builds the simplest value that fits a schema', () => {
    expect(
      createSchemaAnswer({
        type: 'object',
        properties: {
          choice: { $ref: '#/$defs/choice' },
          spans: { type: 'array', minItems: 1, items: { type: 'object', properties: { start: { type: 'integer' }, label: { enum: ['PER'] } } } },
          note: { type: ['string', 'null'] },
          confident: { type: 'boolean' },
        },
        $defs: { choice: { anyOf: [{ const: 'yes' }, { const: 'no' }] } },
      }),
    ).toEqual({ choice: 'yes', spans: [{ start: 0, label: 'PER' }], note: '', confident: false });
  });
  describe('Azure OpenAI route', () => {
    function createAzureClient(credentials: { apiKey: string } | { azureADTokenProvider: () => Promise<string> }) {
      return new AzureOpenAI({
        ...credentials,
        endpoint: server.azureEndpoint,
        deployment: 'my-gpt-4o',
        apiVersion: '2024-10-21',
        maxRetries: 0,
        timeout: 2_000,
      });
    }

    function postToDeployment(query: string, headers: Record<string, string> = {}): Promise<Response> {
      return fetch(`${server.azureEndpoint}/openai/deployments/d/chat/completions${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"messages":[]}',
      });
    }

    it('answers a chat completion and records the deployment, api-version and api-key header', async () => {
      server.script({ type: 'completion', content: 'hello', model: 'gpt-4o-2024-08-06' });

      const completion = await createAzureClient({ apiKey: 'azure-key-0123' }).chat.completions.create({
        model: 'my-gpt-4o',
        messages: [{ role: 'user', content: 'hi' }],
      });

      expect(completion).toMatchObject({ model: 'gpt-4o-2024-08-06', choices: [{ message: { content: 'hello' } }] });
      expect(server.requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/openai/deployments/my-gpt-4o/chat/completions?api-version=2024-10-21',
          headers: expect.objectContaining({ 'api-key': 'azure-key-0123' }),
          azure: { deployment: 'my-gpt-4o', apiVersion: '2024-10-21' },
        }),
      ]);
      expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
    });

    it('takes an Entra ID bearer token instead of a key', async () => {
      await createAzureClient({ azureADTokenProvider: async () => 'entra-token' }).chat.completions.create({
        model: 'my-gpt-4o',
        messages: [{ role: 'user', content: 'hi' }],
      });

      expect(server.requests[0]?.headers).toMatchObject({ authorization: 'Bearer entra-token' });
      expect(server.requests[0]?.headers).not.toHaveProperty('api-key');
    });

    it('sends scripted errors in the Azure error body shape', async () => {
      server.script({ type: 'error', status: 429, headers: { 'retry-after': '1' } });

      const response = await postToDeployment('?api-version=2024-10-21', { 'api-key': 'k' });

      expect(response.status).toBe(429);
      expect(await response.json()).toEqual({ error: { code: '429', message: expect.stringContaining('exceeded token rate limit') } });
    });

    it('answers 401 without credentials and 404 without api-version, as Azure does', async () => {
      const withoutCredentials = await postToDeployment('?api-version=2024-10-21');
      const withoutApiVersion = await postToDeployment('', { 'api-key': 'k' });

      expect(withoutCredentials.status).toBe(401);
      expect(await withoutCredentials.json()).toEqual({ error: { code: '401', message: expect.stringContaining('Access denied') } });
      expect(withoutApiVersion.status).toBe(404);
      expect(await withoutApiVersion.json()).toEqual({ error: { code: '404', message: 'Resource not found' } });
    });
  });
});
