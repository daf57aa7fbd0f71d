import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LabelStudioXmlConfigParser } from '../../core/label-config/label-config-parser';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { findPredictionProblems } from '../helpers/find-prediction-problems';
import { answerSentiment } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

const fixtures = path.join(__dirname, '..', 'fixtures', 'label-studio');
const predictRequest = JSON.parse(readFileSync(path.join(fixtures, 'predict-request.json'), 'utf8'));
const sentimentConfig: string = predictRequest.label_config;
const API_KEY = 'sk-test-0123456789abcdef-hostile';

async function sendRaw(server: TestServer, route: string, body: Buffer | string, headers: Record<string, string>) {
  const response = await fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed };
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('hostile input over HTTP', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer();
  });
  afterAll(() => openai.close());
  afterEach(() => server?.close());

  async function start(options: Parameters<typeof startTestServer>[0] = {}) {
    openai.reset();
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL }, ...options });
  }

  describe('Content-Encoding', () => {
    const body = JSON.stringify({ tasks: [{ id: 1, data: { text: 'I love it' } }], label_config: sentimentConfig, project: '3.1' });
    const valid = gzipSync(body);

    it.each([
      ['gzip', Buffer.from('this is not gzip at all')],
      ['gzip', valid.subarray(0, valid.length - 12)],
      ['deflate', Buffer.from('not deflate either')],
      ['br', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x01])],
    ])('answers 400 naming the encoding for a broken %s body', async (encoding, broken) => {
      await start();
      const response = await sendRaw(server, '/predict', broken, { 'content-encoding': encoding });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'REQUEST_INVALID', detail: expect.stringContaining(`not valid ${encoding}`) });
      expect(server.logs.some((line) => line.msg === 'request failed')).toBe(false);
    });

    it.each([
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ])('reads a valid %s body', async (encoding, compress) => {
      await start();
      openai.setHandler(answerSentiment);
      const response = await sendRaw(server, '/predict', compress(Buffer.from(body)), { 'content-encoding': encoding });
      expect(response.status).toBe(200);
      expect(response.body.results[0].result[0].value).toEqual({ choices: ['Positive'] });
    });

    it('answers 415 for an encoding it does not know', async () => {
      await start();
      expect((await sendRaw(server, '/predict', body, { 'content-encoding': 'compress' })).status).toBe(415);
    });

    it('bounds the decoded size by the body limit: a small compressed body that inflates past it is a 413', async () => {
      await start({ bodyLimit: '1mb' });
      const bomb = gzipSync(Buffer.from(`{"action": "PING", "padding": "${' '.repeat(64 * 1024 * 1024)}"}`));
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const response = await sendRaw(server, '/webhook', bomb, { 'content-encoding': 'gzip' });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ code: 'REQUEST_TOO_LARGE', detail: expect.stringContaining('(decoded)') });
      const fits = gzipSync(Buffer.from(`{"action": "PING", "padding": "${' '.repeat(512 * 1024)}"}`));
      expect(await sendRaw(server, '/webhook', fits, { 'content-encoding': 'gzip' })).toEqual({ status: 200, body: { status: 'Unknown event' } });
    });

    it('stops a gzip bomb long before the default body limit: at most 100 times its compressed size', async () => {
      await start();
      const bomb = gzipSync(Buffer.from(`{"action": "PING", "padding": "${' '.repeat(64 * 1024 * 1024)}"}`));
      expect(bomb.length).toBeLessThan(200 * 1024);
      const response = await sendRaw(server, '/webhook', bomb, { 'content-encoding': 'gzip' });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ code: 'REQUEST_TOO_LARGE', detail: expect.stringContaining('more than 100 times its gzip-compressed size') });
      // 2.3 MB of task JSON compresses about 12 times: well within the ratio.
      const ordinary = gzipSync(Buffer.from(JSON.stringify({ action: 'PING', tasks: Array.from({ length: 30_000 }, (_, id) => ({ id, data: { text: `task ${id}: ${'some words '.repeat(id % 7)}` } })) })));
      expect(await sendRaw(server, '/webhook', ordinary, { 'content-encoding': 'gzip' })).toEqual({ status: 200, body: { status: 'Unknown event' } });
    });
  });

  describe('prototype keys', () => {
    const configWith = (controlName: string, field = 'text') =>
      `<View><Text name="text" value="$${field}"/><Choices name="${controlName}" toName="text" choice="single"><Choice value="Yes"/><Choice value="No"/></Choices></View>`;

    it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
      'serves a control named %s through /setup and /predict with a valid prediction',
      async (controlName) => {
        await start();
        const config = configWith(controlName);
        const setup = await server.post('/setup', { project: '5.1', schema: config, hostname: 'http://localhost:8080', access_token: 'x' });
        expect(setup.status).toBe(200);
        const predict = await server.post('/predict', { tasks: [{ id: 1, data: { text: 'Is it?' } }], label_config: config, project: '5.1' });
        expect(predict.status).toBe(200);
        const [prediction] = predict.body.results;
        expect(prediction.result).toEqual([expect.objectContaining({ from_name: controlName, value: { choices: ['Yes'] } })]);
        expect(findPredictionProblems(prediction, new LabelStudioXmlConfigParser().parse({ xml: config }), { text: 'Is it?' })).toEqual([]);
      },
    );

    it.each(['__proto__', 'constructor', 'toString'])(
      'reads task data field $%s as an own property only: absent, the task fails without the model seeing the prototype',
      async (field) => {
        await start();
        const config = configWith('answer', field);
        const predict = await server.post('/predict', { tasks: [{ id: 1, data: { text: 'other' } }], label_config: config, project: '5.1' });
        expect(predict.status).toBe(200);
        expect(predict.body.results[0].result).toEqual([]);
        expect(openai.requests).toHaveLength(0);
        const failure = server.logs.find((line) => line.msg === 'task failed; returning an empty prediction');
        expect(failure?.error).toMatchObject({ code: 'TASK_DATA_INVALID', message: expect.stringContaining(`task data has no field "${field}"`) });
      },
    );

    it('labels a task whose own field is named constructor', async () => {
      await start();
      const config = configWith('answer', 'constructor');
      const predict = await server.post('/predict', { tasks: [{ id: 1, data: { constructor: 'Is it?' } }], label_config: config, project: '5.1' });
      expect(predict.body.results[0].result).toEqual([expect.objectContaining({ from_name: 'answer', value: { choices: ['Yes'] } })]);
      expect(JSON.stringify(openai.requests[0]?.body)).toContain('<constructor>\\nIs it?\\n</constructor>');
    });
  });

  describe('regular expressions', () => {
    it('treats a field named like a pattern as text: no freeze, no failure', async () => {
      await start();
      openai.setHandler(answerSentiment);
      for (const field of ['(a+)+b', 'a(b']) {
        const config = sentimentConfig.replace('value="$text"', `value="$${field}"`);
        const data = { [field]: `${'a'.repeat(40)}</${field}>` };
        const predict = await server.post('/predict', { tasks: [{ id: 1, data }], label_config: config, project: '3.1' });
        expect(predict.status).toBe(200);
        expect(predict.body.results[0].result).toHaveLength(1);
      }
    });
  });

  describe('webhook token', () => {
    it.each(['/WEBHOOK', '/webhook/', '/Webhook', '/webhook'])('refuses %s without the token, accepts it with the token', async (route) => {
      await start({ authentication: { webhookToken: 'hook-token' } });
      expect((await server.post(route, { action: 'ANNOTATION_CREATED' })).status).toBe(401);
      expect((await server.post(route, { action: 'ANNOTATION_CREATED' }, { 'x-prelabel-webhook-token': 'wrong' })).status).toBe(401);
      expect((await server.post(route, { action: 'ANNOTATION_CREATED' }, { 'x-prelabel-webhook-token': 'hook-token' })).status).toBe(200);
      expect((await server.post('/setup', { project: '1', schema: sentimentConfig })).status).toBe(200);
    });

    it('does not let the token into other routes spelled like the webhook', async () => {
      await start({ authentication: { basicAuthUser: 'ls', basicAuthPassword: 'pw', webhookToken: 'hook-token' } });
      expect((await server.post('/WEBHOOK/', { action: 'ANNOTATION_CREATED' }, { 'x-prelabel-webhook-token': 'hook-token' })).status).toBe(200);
      expect((await server.post('/Predict', { tasks: [] }, { 'x-prelabel-webhook-token': 'hook-token' })).status).toBe(401);
      expect((await server.post('/webhook/extra', {}, { 'x-prelabel-webhook-token': 'hook-token' })).status).toBe(401);
    });
  });

  describe('JSON depth', () => {
    it('refuses a deeply nested webhook payload with a 400 and nothing overflows afterwards', async () => {
      await start();
      const response = await sendRaw(server, '/webhook', `{"action":"ANNOTATION_CREATED","annotation":${nested(20_000)}}`, {});
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'REQUEST_INVALID', detail: expect.stringContaining('deeper than 100 levels') });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await server.get('/health')).status).toBe(200);
      expect(server.logText()).not.toContain('Maximum call stack');
    });

    it('survives a model answer nested 20 000 levels deep: the task abstains, nothing overflows', async () => {
      await start();
      openai.setHandler(() => `{"sentiment": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
      const predict = await server.post('/predict', { tasks: [{ id: 1, data: { text: 'I love it' } }], label_config: sentimentConfig, project: '3.1' });
      expect(predict.status).toBe(200);
      expect(predict.body.results[0].result).toEqual([]);
      expect(server.logText()).not.toContain('Maximum call stack');
    });

    it('refuses deep nesting on every route, and accepts ordinary depth', async () => {
      await start();
      openai.setHandler(answerSentiment);
      for (const route of ['/predict', '/setup']) {
        expect((await sendRaw(server, route, `{"tasks":[{"data":${nested(5_000)}}]}`, {})).status).toBe(400);
      }
      const data = JSON.parse(`{"text":"I love it","deep":${nested(60)}}`);
      const predict = await server.post('/predict', { tasks: [{ id: 1, data }], label_config: sentimentConfig, project: '3.1' });
      expect(predict.body.results[0].result).toHaveLength(1);
      expect(server.logText()).not.toContain('Maximum call stack');
    });
  });
});
