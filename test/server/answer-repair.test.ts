import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { createFakeOpenAIServer, type FakeOpenAIReply, type FakeOpenAIServer, type RecordedRequest } from '../fake-openai-server';
import { answerSentiment } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';
import { parsePrometheusText, sumSamples } from '../helpers/parse-prometheus-text';
import { PrometheusObserver } from '../../server/metrics/prometheus-observer';

const predictRequest = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'label-studio', 'predict-request.json'), 'utf8'));
const LABELS_ERROR = 'control `sentiment`: "Neutralish" is not a label (labels: Positive, Negative, Neutral)';
const CALL = { project: '3', provider: 'openai', model: 'gpt-4o' };

function tasks(count: number, prefix = 'review') {
  return Array.from({ length: count }, (_, index) => ({ ...predictRequest.tasks[0], id: index + 1, data: { text: `${prefix} ${index + 1}: love it` } }));
}

function completion(content: string, extra: Partial<Extract<FakeOpenAIReply, { type: 'completion' }>> = {}): FakeOpenAIReply {
  return { type: 'completion', content, ...extra };
}

function chatRequests(openai: FakeOpenAIServer): RecordedRequest[] {
  return openai.requests.filter((request) => request.path.endsWith('/chat/completions'));
}

function messagesOf(request: RecordedRequest | undefined): ChatCompletionCreateParams['messages'] {
  return (request?.body as ChatCompletionCreateParams).messages;
}

describe('repair calls for unusable answers, over HTTP', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;
  let observer: PrometheusObserver;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerSentiment });
  });
  afterAll(() => openai.close());
  afterEach(() => server.close());

  async function start(extraLines: string[] = []) {
    openai.reset();
    const projectsDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-repair-'));
    const lines = ['default: true', 'retry:', '  max_retries: 0', ...extraLines];
    writeFileSync(path.join(projectsDirectory, 'default.yaml'), `${lines.join('\n')}\n`);
    observer = new PrometheusObserver({ defaultMetrics: false });
    server = await startTestServer({ environment: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL }, projectsDirectory, observer });
  }

  async function predictOne(): Promise<any> {
    const response = await server.post('/predict', { ...predictRequest, tasks: tasks(1) });
    expect(response.status).toBe(200);
    return response.body.results[0];
  }

  async function repairCount(outcome: string): Promise<number | undefined> {
    const samples = parsePrometheusText(await observer.registry.metrics());
    return sumSamples(samples, 'prelabel_repairs_total', { ...CALL, outcome });
  }

  it('repairs an invented label: the second call carries the first answer and the validation error', async () => {
    await start();
    openai.script(completion('{"sentiment": "Neutralish"}'));

    const prediction = await predictOne();

    expect(prediction.result).toEqual([expect.objectContaining({ from_name: 'sentiment', value: { choices: ['Positive'] } })]);
    const requests = chatRequests(openai);
    expect(requests).toHaveLength(2);
    const first = messagesOf(requests[0]);
    const second = messagesOf(requests[1]);
    expect(second.slice(0, first.length)).toEqual(first);
    expect(second.slice(first.length)).toEqual([
      { role: 'assistant', content: '{"sentiment": "Neutralish"}' },
      { role: 'user', content: `Your answer was invalid: ${LABELS_ERROR}. Answer again with JSON that matches the schema.` },
    ]);
    expect((requests[1]?.body as ChatCompletionCreateParams).response_format).toEqual((requests[0]?.body as ChatCompletionCreateParams).response_format);
    expect(await repairCount('repaired')).toBe(1);
  });

  it.each<[string, FakeOpenAIReply, string]>([
    ['broken JSON', completion('{"sentiment": Positive'), 'Your answer was invalid: the model was asked for JSON and its answer holds no JSON object.'],
    ['a truncated answer', completion('{"sentiment": "Pos', { finishReason: 'length' }), 'Your answer was cut off at the output token limit'],
  ])('repairs %s', async (_name, reply, problem) => {
    await start();
    openai.script(reply);

    const prediction = await predictOne();

    expect(prediction.result[0].value.choices).toEqual(['Positive']);
    const requests = chatRequests(openai);
    expect(requests).toHaveLength(2);
    const repairMessage = messagesOf(requests[1]).at(-1);
    expect(repairMessage).toEqual({ role: 'user', content: expect.stringContaining(problem) });
    expect(await repairCount('repaired')).toBe(1);
  });

  it('makes no repair call with repair.max_attempts 0: the control abstains', async () => {
    await start(['repair:', '  max_attempts: 0']);
    openai.script(completion('{"sentiment": "Neutralish"}'));

    const prediction = await predictOne();

    expect(prediction.result).toEqual([]);
    expect(chatRequests(openai)).toHaveLength(1);
    expect(await repairCount('repaired')).toBeUndefined();
  });

  it('never caches an answer that needed repairing: the next request asks the model again', async () => {
    await start(['repair:', '  max_attempts: 0']);
    openai.script(completion('{"sentiment": "Neutralish"}'));
    expect((await predictOne()).result).toEqual([]);

    const again = await predictOne();

    expect(again.result[0].value.choices).toEqual(['Positive']);
    expect(chatRequests(openai)).toHaveLength(2);
  });

  it('abstains with the reason when the repair fails too, and counts both calls in the usage', async () => {
    await start();
    openai.script(
      completion('{"sentiment": "Neutralish"}', { usage: { prompt_tokens: 100, completion_tokens: 7 } }),
      completion('{"sentiment": "Neutralish"}', { usage: { prompt_tokens: 130, completion_tokens: 8 } }),
    );
    const pipeline = server.services.pipelines.pipelineFor('3', predictRequest.label_config);

    const outcome = await pipeline.predict(tasks(1)[0]);

    expect(outcome.prediction.result).toEqual([]);
    expect(outcome.abstentions).toEqual([{ control: 'sentiment', reason: `${LABELS_ERROR.replace('control `sentiment`: ', '')} (still invalid after 1 repair call)` }]);
    expect(outcome.usage).toEqual({ inputTokens: 230, outputTokens: 15 });
    expect(chatRequests(openai)).toHaveLength(2);
    expect(await repairCount('failed')).toBe(1);
    const samples = parsePrometheusText(await observer.registry.metrics());
    expect(sumSamples(samples, 'prelabel_llm_tokens_total', { ...CALL, type: 'input' })).toBe(230);
  });

  it('fails the task with the reason when a broken answer stays broken after its repair', async () => {
    await start();
    openai.script(completion('{"sentiment": Positive'), completion('still not JSON'));

    const prediction = await predictOne();

    expect(prediction.result).toEqual([]);
    expect(chatRequests(openai)).toHaveLength(2);
    expect(server.logs.find((line) => line.msg === 'task failed; returning an empty prediction')).toMatchObject({
      error: { code: 'RESPONSE_UNUSABLE', message: expect.stringContaining('(still invalid after 1 repair call)') },
    });
  });

  it('keeps the valid controls of the first answer and takes only the failing ones from the repair', async () => {
    await start(['provider:', '  structured_output: json_object']);
    const labelConfig = predictRequest.label_config.replace(
      '</View>',
      '<Choices name="topic" toName="text"><Choice value="Food"/><Choice value="Travel"/></Choices></View>',
    );
    openai.script(completion('{"sentiment": "Negative", "topic": "Cars"}'), completion('{"sentiment": "Positive", "topic": "Travel"}'));

    const response = await server.post('/predict', { ...predictRequest, label_config: labelConfig, tasks: tasks(1) });

    const values = Object.fromEntries(response.body.results[0].result.map((result: any) => [result.from_name, result.value.choices]));
    expect(values).toEqual({ sentiment: ['Negative'], topic: ['Travel'] });
    const repairMessage = messagesOf(chatRequests(openai)[1]).at(-1);
    expect(repairMessage?.content).toContain('control `topic`: "Cars" is not a label (labels: Food, Travel)');
    expect(repairMessage?.content).not.toContain('control `sentiment`');
    expect(repairMessage?.content).toContain('Keep the answers of the other controls as they were.');
  });
});
