import type { HangReply, MalformedReply, RawReply, ResetReply } from './fake-http-reply';
import { sendJson } from './send-json';
import { sendLiteralReply } from './send-literal-reply';
import { startFakeHttpServer, type FakeHttpServer, type RecordedHttpRequest } from './start-fake-http-server';

/** A string is sent as `{ "echo": string }`. */
type TestReply = string | MalformedReply | RawReply | HangReply | ResetReply;

const MALFORMED_BODY = '{"answer":';

let server: FakeHttpServer<unknown, TestReply, RecordedHttpRequest>;
const exchanges: Array<{ route: string; parsed: boolean }> = [];

beforeAll(async () => {
  server = await startFakeHttpServer<unknown, TestReply>({
    handler: (body) => `handled ${JSON.stringify(body)}`,
    async route({ request, route, parsed, response, answer }) {
      exchanges.push({ route, parsed });
      if (route === 'POST /fail') throw new Error('route failed');
      await answer(request.body, (reply) => {
        if (typeof reply === 'string') sendJson(response, 200, { echo: reply });
        else sendLiteralReply(sendJson, response, reply, MALFORMED_BODY);
      });
    },
    sendHandlerFailure(response, message) {
      sendJson(response, 500, { failure: message });
    },
  });
});
afterEach(() => {
  server.reset();
  exchanges.length = 0;
});
afterAll(() => server.close());

function post(path: string, body = '{"question":1}', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

async function answerTo(path: string): Promise<{ status: number; contentType: string | null; body: string }> {
  const response = await post(path);
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

describe('startFakeHttpServer', () => {
  it('records every request and routes it by method and path', async () => {
    await post('/v1/answer?x=1', '{"question":1}', { 'x-test': 'yes' });
    await post('/v1/answer', 'not json');
    await fetch(`${server.origin}/v1/models`);

    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/answer?x=1',
        headers: expect.objectContaining({ 'x-test': 'yes' }),
        body: { question: 1 },
        rawBody: '{"question":1}',
      }),
      expect.objectContaining({ method: 'POST', path: '/v1/answer', body: undefined, rawBody: 'not json' }),
      expect.objectContaining({ method: 'GET', path: '/v1/models', body: undefined, rawBody: '' }),
    ]);
    expect(exchanges).toEqual([
      { route: 'POST /v1/answer', parsed: true },
      { route: 'POST /v1/answer', parsed: false },
      { route: 'GET /v1/models', parsed: false },
    ]);
  });

  it('answers from the script in order, then from the handler, which reset restores', async () => {
    server.script('first', (body) => `scripted handler for ${JSON.stringify(body)}`);
    server.setHandler(() => 'new handler');

    const answers = [await answerTo('/a'), await answerTo('/b'), await answerTo('/c')];
    server.reset();
    const afterReset = await answerTo('/d');

    expect(answers.map(({ body }) => JSON.parse(body))).toEqual([
      { echo: 'first' },
      { echo: 'scripted handler for {"question":1}' },
      { echo: 'new handler' },
    ]);
    expect(JSON.parse(afterReset.body)).toEqual({ echo: 'handled {"question":1}' });
    expect(server.requests).toHaveLength(1);
  });

  it.each<[string, MalformedReply | RawReply, { status: number; contentType: string; body: string }]>([
    ['a malformed reply', { type: 'malformed' }, { status: 200, contentType: 'application/json', body: MALFORMED_BODY }],
    [
      'a malformed reply with its own status, body and type',
      { type: 'malformed', status: 502, body: '<html>', contentType: 'text/html' },
      { status: 502, contentType: 'text/html', body: '<html>' },
    ],
    ['a raw text reply', { type: 'raw', body: 'warming up' }, { status: 200, contentType: 'text/plain', body: 'warming up' }],
    ['a raw object reply', { type: 'raw', status: 503, body: { busy: true } }, { status: 503, contentType: 'application/json', body: '{"busy":true}' }],
    ['a raw reply with headers', { type: 'raw', body: 'a,b', headers: { 'content-type': 'text/csv' } }, { status: 200, contentType: 'text/csv', body: 'a,b' }],
  ])('sends %s as it is given', async (_case, reply, expected) => {
    server.script(reply);

    await expect(answerTo('/answer')).resolves.toEqual(expected);
  });

  it('delays a reply', async () => {
    server.script({ type: 'raw', body: 'late', delayMs: 50 });
    const startedAt = Date.now();

    await answerTo('/answer');

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(45);
  });

  it.each<[string, HangReply | ResetReply, string]>([
    ['a hang', { type: 'hang' }, 'TimeoutError'],
    ['a hang after the start of a body', { type: 'hang', partialBody: '{"answer":' }, 'TimeoutError'],
    ['a reset', { type: 'reset' }, 'TypeError'],
  ])('answers nothing for %s', async (_case, reply, errorName) => {
    server.script(reply);

    const outcome = fetch(`${server.origin}/answer`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(200) }).then((response) => response.text());

    await expect(outcome).rejects.toMatchObject({ name: errorName });
  });

  it('answers a route or handler that throws through sendHandlerFailure', async () => {
    server.script(() => {
      throw new Error('handler failed');
    });

    const failures = [await answerTo('/answer'), await answerTo('/fail')];

    expect(failures).toEqual([
      { status: 500, contentType: 'application/json', body: '{"failure":"handler failed"}' },
      { status: 500, contentType: 'application/json', body: '{"failure":"route failed"}' },
    ]);
  });

  it('closes with hung and delayed requests still open', async () => {
    const other = await startFakeHttpServer<unknown, TestReply>({
      handler: () => 'never used',
      route: ({ response, answer }) => answer(undefined, (reply) => sendJson(response, 200, { reply })),
      sendHandlerFailure: () => undefined,
    });
    other.script({ type: 'hang' }, { type: 'raw', body: 'late', delayMs: 60_000 });
    const request = () =>
      fetch(`${other.origin}/answer`, { method: 'POST', body: '{}' }).then(
        () => 'answered',
        () => 'connection closed',
      );
    const outcomes = Promise.all([request(), request()]);
    while (other.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));

    await other.close();

    await expect(outcomes).resolves.toEqual(['connection closed', 'connection closed']);
  });
});
