import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeOpenAIServer, type FakeOpenAIReply, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment, userMessageOf } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

const predictRequest = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'label-studio', 'predict-request.json'), 'utf8'));

function tasks(count: number, prefix = 'task') {
  return Array.from({ length: count }, (_, index) => ({ ...predictRequest.tasks[0], id: index + 1, data: { text: `${prefix} ${index + 1}: love it` } }));
}

const FAST_RETRIES = ['default: true', 'provider:', '  timeout_ms: 1000', 'retry:', '  max_retries: 2', '  initial_delay_ms: 5', '  max_delay_ms: 20', 'concurrency: 4'];

describe('provider faults over HTTP', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerSentiment });
  });
  afterAll(() => openai.close());
  afterEach(() => server.close());

  async function start(yamlLines: string[] = FAST_RETRIES, predictDeadlineMs?: number) {
    openai.reset();
    openai.setHandler(answerSentiment);
    const projectsDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-faults-'));
    writeFileSync(path.join(projectsDirectory, 'default.yaml'), `${yamlLines.join('\n')}\n`);
    server = await startTestServer({ environment: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL }, projectsDirectory, predictDeadlineMs });
  }

  async function predictOne(): Promise<any> {
    const response = await server.post('/predict', { ...predictRequest, tasks: tasks(1) });
    expect(response.status).toBe(200);
    return response.body.results[0];
  }

  it.each<[string, FakeOpenAIReply]>([
    ['408', { type: 'error', status: 408 }],
    ['409', { type: 'error', status: 409 }],
    ['429 with retry-after', { type: 'error', status: 429, headers: { 'retry-after': '0' } }],
    ['500', { type: 'error', status: 500 }],
    ['503', { type: 'error', status: 503 }],
    ['a connection reset', { type: 'reset' }],
    ['a timeout', { type: 'hang' }],
    ['a malformed body', { type: 'malformed' }],
  ])('retries after %s and then answers', async (_name, fault) => {
    await start();
    openai.script(fault);
    const prediction = await predictOne();
    expect(prediction.result[0].value.choices).toEqual(['Positive']);
    expect(openai.requests.filter((request) => request.path.endsWith('/chat/completions'))).toHaveLength(2);
  });

  it.each([400, 401, 403, 404])('never retries a %i: the task gets an empty prediction', async (status) => {
    await start();
    openai.script({ type: 'error', status });
    const prediction = await predictOne();
    expect(prediction.result).toEqual([]);
    expect(openai.requests).toHaveLength(1);
    expect(server.logs.find((line) => line.msg === 'task failed; returning an empty prediction')).toMatchObject({ error: { code: 'PROVIDER_CALL_FAILED' } });
  });

  it('gives up after max_retries, with every attempt logged', async () => {
    await start();
    openai.setHandler(() => ({ type: 'error', status: 500 }));
    const prediction = await predictOne();
    expect(prediction.result).toEqual([]);
    expect(openai.requests).toHaveLength(3);
    expect(server.logs.filter((line) => line.msg === 'provider call failed; retrying')).toHaveLength(2);
    expect(server.logs.find((line) => line.msg === 'task failed; returning an empty prediction')).toMatchObject({ error: { code: 'RETRY_EXHAUSTED' } });
  });

  it.each<[string, FakeOpenAIReply, string, number]>([
    ['a truncated answer (repaired in vain)', { type: 'completion', content: '{"sentiment": "Pos', finishReason: 'length' }, 'truncated', 4],
    ['a refusal (never repaired)', { type: 'refusal', refusal: 'I cannot help with that.' }, 'refused', 3],
    ['invalid JSON (repaired in vain)', { type: 'completion', content: '{"sentiment": Positive' }, 'unparseable', 4],
  ])('turns %s into a per-task failure with a reason, never a crash', async (_name, reply, reason, calls) => {
    await start();
    openai.setHandler((body) => (userMessageOf(body).includes('task 2:') ? reply : answerSentiment(body)));
    const response = await server.post('/predict', { ...predictRequest, tasks: tasks(3) });
    expect(response.body.results.map((prediction: any) => prediction.result.length)).toEqual([1, 0, 1]);
    const expected = ({ truncated: 'cut off', refused: 'refused', unparseable: 'no JSON object' } as Record<string, string>)[reason] as string;
    expect(server.logs.find((line) => line.taskId === 2 && line.msg === 'task failed; returning an empty prediction')).toMatchObject({
      error: { code: 'RESPONSE_UNUSABLE', message: expect.stringContaining(expected) },
    });
    expect(openai.requests).toHaveLength(calls);
  });

  it('never pays twice: identical tasks make one call, a repeated request is answered from the cache', async () => {
    await start();
    const sameTasks = Array.from({ length: 6 }, (_, index) => ({ ...predictRequest.tasks[0], id: index + 1, data: { text: 'the same text, love it' } }));
    const first = await server.post('/predict', { ...predictRequest, tasks: sameTasks });
    expect(first.body.results.every((prediction: any) => prediction.result[0].value.choices[0] === 'Positive')).toBe(true);
    expect(openai.requests).toHaveLength(1);
    const again = await server.post('/predict', { ...predictRequest, tasks: tasks(3) });
    const repeated = await server.post('/predict', { ...predictRequest, tasks: tasks(3) });
    expect(repeated.body.results.map((prediction: any) => prediction.result[0].value)).toEqual(again.body.results.map((prediction: any) => prediction.result[0].value));
    expect(openai.requests).toHaveLength(4);
  });

  it('never caches errors', async () => {
    await start(['default: true', 'retry:', '  max_retries: 0']);
    openai.script({ type: 'error', status: 500 });
    expect((await predictOne()).result).toEqual([]);
    expect((await predictOne()).result[0].value.choices).toEqual(['Positive']);
    expect(openai.requests).toHaveLength(2);
  });

  it('answers by the deadline, marks unfinished tasks incomplete, and serves them from the cache next time', async () => {
    await start(FAST_RETRIES, 300);
    openai.setHandler((body) => (userMessageOf(body).includes('task 3:') ? { type: 'completion', content: answerSentiment(body), delayMs: 700 } : answerSentiment(body)));
    const setup = await server.post('/setup', predictRequest.label_config ? { project: predictRequest.project, schema: predictRequest.label_config } : {});
    const version = setup.body.model_version;
    const first = await server.post('/predict', { ...predictRequest, tasks: tasks(4) });
    expect(first.body.results.map((prediction: any) => prediction.model_version)).toEqual([version, version, `${version}-incomplete`, version]);
    expect(first.body.results[2].result).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const calls = openai.requests.length;
    const second = await server.post('/predict', { ...predictRequest, tasks: [tasks(4)[2]] });
    expect(second.body.results[0]).toMatchObject({ model_version: version, result: [{ value: { choices: ['Positive'] } }] });
    expect(openai.requests).toHaveLength(calls);
  });

  it('holds the concurrency bound across simultaneous requests', async () => {
    await start(['default: true', 'concurrency: 3']);
    let running = 0;
    let peak = 0;
    openai.setHandler(async (body) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 15));
      running -= 1;
      return answerSentiment(body);
    });
    const responses = await Promise.all([1, 2, 3].map((batch) => server.post('/predict', { ...predictRequest, tasks: tasks(8, `batch ${batch}`) })));
    expect(responses.every((response) => response.body.results.length === 8)).toBe(true);
    expect(peak).toBe(3);
  });

  it('cuts a hung call at the adaptive timeout, long before timeout_ms, and answers on the retry', async () => {
    const yaml = ['default: true', 'provider:', '  timeout_ms: 120000', '  adaptive_timeout: { multiplier: 4, floor_ms: 50 }', 'retry:', '  max_retries: 2', '  initial_delay_ms: 5', '  max_delay_ms: 20', 'concurrency: 4'];
    await start(yaml);
    // Enough successful calls for the tracker to know what normal looks like.
    const warmUp = await server.post('/predict', { ...predictRequest, tasks: tasks(24, 'warm-up') });
    expect(warmUp.body.results.every((prediction: any) => prediction.result.length === 1)).toBe(true);
    const before = openai.requests.length;
    openai.script({ type: 'hang' });

    // Without the adaptive timeout this waits for the 120 s timeout_ms, far beyond the test's hang guard.
    const prediction = await predictOne();

    expect(prediction.result[0].value.choices).toEqual(['Positive']);
    expect(openai.requests).toHaveLength(before + 2);
    expect(server.logs.find((line) => line.msg === 'provider call failed; retrying' && line.taskId === 1 && String((line.error as { message?: string })?.message).includes('adaptive timeout'))).toBeDefined();
  }, 20_000);

  it('stops calling a provider that is down (circuit breaker) and says so', async () => {
    await start(['default: true', 'retry:', '  max_retries: 0', 'concurrency: 1']);
    openai.setHandler(() => ({ type: 'error', status: 503 }));
    const response = await server.post('/predict', { ...predictRequest, tasks: tasks(30) });
    expect(response.body.results).toHaveLength(30);
    expect(response.body.results.every((prediction: any) => prediction.result.length === 0)).toBe(true);
    expect(openai.requests.length).toBeLessThan(30);
    expect(server.logText()).toContain('circuit open');
  });
});
