import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { createFakeOpenAIServer, type FakeOpenAIReply, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment, userMessageOf } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';
import { PrometheusObserver } from '../../server/metrics/prometheus-observer';
import { parsePrometheusText, sumSamples, type PrometheusSample } from '../helpers/parse-prometheus-text';

const predictRequest = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'label-studio', 'predict-request.json'), 'utf8'));
const API_KEY = 'sk-test-metrics-0123456789-secret';
const INPUT_TOKENS = 1000;
const OUTPUT_TOKENS = 20;
/** The default pipeline's model, gpt-4o: $2.50 per million input tokens, $10 per million output tokens. */
const GPT_4O = { inputPerMillion: 2.5, outputPerMillion: 10 };

function task(id: number, text: string) {
  return { ...predictRequest.tasks[0], id, data: { text } };
}

function answerWithUsage(body: ChatCompletionCreateParams): FakeOpenAIReply {
  if (userMessageOf(body).includes('poison')) return { type: 'error', status: 400, message: 'Invalid prompt' };
  return { type: 'completion', content: answerSentiment(body), usage: { prompt_tokens: INPUT_TOKENS, completion_tokens: OUTPUT_TOKENS } };
}

describe('GET /metrics', () => {
  let openai: FakeOpenAIServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerWithUsage });
  });
  afterAll(() => openai.close());

  describe('with a PrometheusObserver, after two /predict requests with the same tasks', () => {
    let server: TestServer;
    let samples: PrometheusSample[];
    let metricsText: string;
    let contentType: string | null;
    const call = { project: '3', provider: 'openai', model: 'gpt-4o' };

    beforeAll(async () => {
      server = await startTestServer({
        environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL },
        observer: new PrometheusObserver(),
      });
      openai.script({ type: 'error', status: 429, headers: { 'retry-after-ms': '20' } });
      const tasks = [task(1, 'I love it'), task(2, 'terrible, never again'), task(3, 'poison'), { id: 4, data: {} }];
      const first = await server.post('/predict', { ...predictRequest, tasks });
      const second = await server.post('/predict', { ...predictRequest, tasks });
      for (const response of [first, second]) {
        expect(response.status).toBe(200);
        expect(response.body.results.map((prediction: { result: unknown[] }) => prediction.result.length)).toEqual([1, 1, 0, 0]);
      }
      expect(await server.get('/no-such-route?token=abc')).toMatchObject({ status: 404 });
      const response = await fetch(`${server.url}/metrics`);
      contentType = response.headers.get('content-type');
      metricsText = await response.text();
      samples = parsePrometheusText(metricsText);
    });
    afterAll(() => server.close());

    it('answers in the Prometheus text format', () => {
      expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(metricsText).toMatch(/^# HELP prelabel_llm_answers_total /m);
      expect(metricsText).toMatch(/^# TYPE prelabel_llm_answer_duration_seconds histogram$/m);
    });

    it('counts provider answers the first time and cache answers the second time', () => {
      expect(sumSamples(samples, 'prelabel_llm_answers_total', { ...call, source: 'provider' })).toBe(2);
      expect(sumSamples(samples, 'prelabel_llm_answers_total', { ...call, source: 'cache' })).toBe(2);
      expect(sumSamples(samples, 'prelabel_llm_answer_duration_seconds_count', { provider: 'openai', model: 'gpt-4o', source: 'cache' })).toBe(2);
    });

    it('counts the tokens and the cost of provider answers only', () => {
      expect(sumSamples(samples, 'prelabel_llm_tokens_total', { ...call, type: 'input' })).toBe(2 * INPUT_TOKENS);
      expect(sumSamples(samples, 'prelabel_llm_tokens_total', { ...call, type: 'output' })).toBe(2 * OUTPUT_TOKENS);
      const dollars = (2 * INPUT_TOKENS * GPT_4O.inputPerMillion + 2 * OUTPUT_TOKENS * GPT_4O.outputPerMillion) / 1_000_000;
      expect(sumSamples(samples, 'prelabel_llm_cost_usd_total', call)).toBeCloseTo(dollars, 12);
    });

    it('counts the retry after the scripted 429 and the calls that failed for good', () => {
      expect(sumSamples(samples, 'prelabel_llm_retries_total', { ...call, code: 'PROVIDER_CALL_FAILED' })).toBe(1);
      expect(sumSamples(samples, 'prelabel_llm_call_failures_total', { ...call, code: 'PROVIDER_CALL_FAILED' })).toBe(2);
    });

    it('counts tasks by status and failed tasks by reason', () => {
      expect(sumSamples(samples, 'prelabel_tasks_total', { ...call, status: 'answered' })).toBe(4);
      expect(sumSamples(samples, 'prelabel_tasks_total', { ...call, status: 'failed', reason: 'PROVIDER_CALL_FAILED' })).toBe(2);
      expect(sumSamples(samples, 'prelabel_tasks_total', { ...call, status: 'failed', reason: 'TASK_DATA_INVALID' })).toBe(2);
    });

    it('records request durations by method, matched route and status, never the raw URL', () => {
      expect(sumSamples(samples, 'prelabel_http_request_duration_seconds_count', { method: 'POST', route: '/predict', status: '200' })).toBe(2);
      expect(sumSamples(samples, 'prelabel_http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
      expect(metricsText).not.toContain('no-such-route');
    });

    it('serves process metrics and never a secret', () => {
      expect(sumSamples(samples, 'prelabel_nodejs_heap_size_total_bytes')).toBeGreaterThan(0);
      expect(metricsText).not.toContain(API_KEY);
      expect(metricsText).not.toContain('poison');
    });
  });

  it('answers 200 {} when the app was built without metrics', async () => {
    const server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL } });
    try {
      const response = await server.get('/metrics');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({});
    } finally {
      await server.close();
    }
  });
});
