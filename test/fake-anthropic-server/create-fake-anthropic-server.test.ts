import Anthropic from '@anthropic-ai/sdk';
import { createFakeAnthropicServer, type FakeAnthropicServer } from '.';

const API_KEY = 'sk-ant-test-0123456789';
const MODEL = 'claude-haiku-4-5';

let server: FakeAnthropicServer;
let client: Anthropic;

beforeAll(async () => {
  server = await createFakeAnthropicServer();
  client = new Anthropic({ apiKey: API_KEY, baseURL: server.baseURL, maxRetries: 0, timeout: 2_000, webhookKey: null });
});
afterEach(() => server.reset());
afterAll(() => server.close());

const SCHEMA = {
  type: 'object',
  properties: { label: { type: 'string', enum: ['spam', 'ham'] }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['label', 'tags'],
  additionalProperties: false,
};

function post(path: string, body: string): Promise<Response> {
  return fetch(`${server.baseURL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

function ask(extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) {
  return client.messages.create({ model: MODEL, max_tokens: 64, messages: [{ role: 'user', content: 'hi' }], ...extra });
}

function askWithTool() {
  return ask({
    tools: [{ name: 'label_studio_prediction', input_schema: SCHEMA as Anthropic.Tool.InputSchema }],
    tool_choice: { type: 'tool', name: 'label_studio_prediction' },
  });
}

describe('createFakeAnthropicServer', () => {
  it('answers a message shaped like the real API and records the request', async () => {
    server.script({ type: 'text', text: 'hello', usage: { input_tokens: 3, output_tokens: 1 } });

    const message = await ask({ system: 'Be brief.' });

    expect(message).toMatchObject({
      id: expect.stringMatching(/^msg_/),
      type: 'message',
      role: 'assistant',
      model: MODEL,
      content: [{ type: 'text', text: 'hello' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 3, output_tokens: 1 },
    });
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/messages',
        headers: expect.objectContaining({ 'anthropic-version': expect.any(String) }),
        body: { model: MODEL, max_tokens: 64, system: 'Be brief.', messages: [{ role: 'user', content: 'hi' }] },
      }),
    ]);
  });

  it('retrieves a known model, and answers 404 not_found_error for another, as the real API does', async () => {
    expect(await client.models.retrieve('claude-haiku-4-5')).toEqual({ type: 'model', id: 'claude-haiku-4-5', display_name: expect.any(String), created_at: expect.any(String) });
    const response = await fetch(`${server.baseURL}/v1/models/claude-2.1`, { headers: { 'x-api-key': API_KEY } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error', message: 'model: claude-2.1' } });
    server.setModels(['claude-2.1']);
    expect((await client.models.retrieve('claude-2.1')).id).toBe('claude-2.1');
  });

  it('accepts only the configured keys: 401 authentication_error for another', async () => {
    server.setApiKeys(['sk-ant-accepted']);
    const response = await fetch(`${server.baseURL}/v1/models/claude-haiku-4-5`, { headers: { 'x-api-key': 'sk-ant-wrong' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    const accepted = new Anthropic({ apiKey: 'sk-ant-accepted', baseURL: server.baseURL, maxRetries: 0, webhookKey: null });
    expect((await accepted.models.retrieve('claude-haiku-4-5')).id).toBe('claude-haiku-4-5');
  });

  it('uses the script in order, then the handler', async () => {
    server.script('first', (body) => `second for ${body.model}`);
    server.setHandler(() => 'from handler');
    const text = async () => {
      const [block] = (await ask()).content;
      return block?.type === 'text' ? block.text : undefined;
    };

    expect([await text(), await text(), await text()]).toEqual(['first', 'second for claude-haiku-4-5', 'from handler']);
  });

  it('calls the forced tool with the first enum value of its input_schema by default', async () => {
    const message = await askWithTool();

    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([
      { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'label_studio_prediction', input: { label: 'spam', tags: [] }, caller: { type: 'direct' } },
    ]);
  });

  it('calls the forced tool with a scripted input, after some text', async () => {
    server.script({ type: 'tool', input: { label: 'ham', tags: ['x'] }, text: 'Here it is.' });

    const message = await askWithTool();

    expect(message.content).toMatchObject([
      { type: 'text', text: 'Here it is.' },
      { type: 'tool_use', name: 'label_studio_prediction', input: { label: 'ham', tags: ['x'] } },
    ]);
  });

  it('answers "OK" without a forced tool', async () => {
    const message = await ask();

    expect(message.content).toMatchObject([{ type: 'text', text: 'OK' }]);
  });

  it('cuts an answer off at max_tokens: text, or a partial tool call when a tool is forced', async () => {
    server.script({ type: 'truncated' }, { type: 'truncated' });

    const textMessage = await ask();
    const toolMessage = await askWithTool();

    expect(textMessage).toMatchObject({ stop_reason: 'max_tokens', content: [{ type: 'text', text: 'The answer was cut o' }], usage: { output_tokens: 64 } });
    expect(toolMessage).toMatchObject({ stop_reason: 'max_tokens', content: [{ type: 'tool_use', input: {} }] });
  });

  it('refuses with stop_details', async () => {
    server.script({ type: 'refusal', explanation: 'This could enable harm.', category: 'cyber' });

    const message = await ask();

    expect(message).toMatchObject({
      stop_reason: 'refusal',
      content: [],
      stop_details: { type: 'refusal', category: 'cyber', explanation: 'This could enable harm.' },
    });
  });

  it('sends the real error body with request-id and chosen headers', async () => {
    server.script({ type: 'error', status: 429, headers: { 'retry-after': '7' } });

    const response = await post('/v1/messages', JSON.stringify({ model: MODEL, max_tokens: 1, messages: [{ role: 'user', content: 'x' }] }));

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    const requestId = response.headers.get('request-id');
    expect(requestId).toMatch(/^req_fake\d+$/);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'rate_limit_error', message: expect.stringContaining('rate limit') },
      request_id: requestId,
    });
  });

  it.each([
    [529, 'overloaded_error', Anthropic.InternalServerError],
    [401, 'authentication_error', Anthropic.AuthenticationError],
    [500, 'api_error', Anthropic.InternalServerError],
  ])('makes the SDK throw its own error class for %i', async (status, type, errorClass) => {
    server.script({ type: 'error', status });

    const error = await ask().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status, type, requestID: expect.stringMatching(/^req_fake/) });
  });

  it('sends a malformed body with a JSON content type', async () => {
    server.script({ type: 'malformed' });

    const response = await post('/v1/messages', JSON.stringify({ model: MODEL, max_tokens: 1, messages: [{ role: 'user', content: 'x' }] }));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toMatchObject({ name: 'SyntaxError' });
  });

  it.each([
    ['{not json', /not valid JSON/],
    [JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'x' }] }), /^max_tokens: Field required$/],
    [JSON.stringify({ model: MODEL, max_tokens: 10, messages: [] }), /^messages: at least one message is required$/],
    [JSON.stringify({ max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }), /^model: Field required$/],
    [JSON.stringify({ model: MODEL, max_tokens: 10, temperature: 1, messages: [{ role: 'user', content: 'x' }] }), /^temperature: Extra inputs are not permitted$/],
  ])('answers a request it cannot take (%s) with a 400 invalid_request_error', async (body, message) => {
    const response = await post('/v1/messages', body);

    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: { type: string; message: string } };
    expect(answer.error.type).toBe('invalid_request_error');
    expect(answer.error.message).toMatch(message);
    expect(server.requests[0]?.rawBody).toBe(body);
  });

  it('takes sampling parameters with API version 2023-06-01 only, as the real API does', async () => {
    const body = { model: MODEL, max_tokens: 10, top_k: 5, messages: [{ role: 'user' as const, content: 'x' }] };

    const current = await ask(body as Anthropic.MessageCreateParamsNonStreaming).catch((error: unknown) => error);
    const legacy = await client.messages.create(body as Anthropic.MessageCreateParamsNonStreaming, { headers: { 'anthropic-version': '2023-06-01' } });

    expect(current).toMatchObject({ status: 400, apiMessage: 'top_k: Extra inputs are not permitted' });
    expect(legacy.content).toMatchObject([{ type: 'text', text: 'OK' }]);
  });

  it('answers unknown routes with a 404 not_found_error', async () => {
    const response = await post('/v1/complete', '{}');

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });

  it('delays an answer', async () => {
    server.script({ type: 'text', text: 'late', delayMs: 50 });
    const startedAt = Date.now();

    await ask();

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
  });
});
