import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrometheusObserver } from '../../server/metrics/prometheus-observer';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment, userMessageOf } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';
import { parsePrometheusText, sumSamples } from '../helpers/parse-prometheus-text';

const fixtures = path.join(__dirname, '..', 'fixtures', 'label-studio');
const predictRequest = JSON.parse(readFileSync(path.join(fixtures, 'predict-request.json'), 'utf8'));
const setupRequest = JSON.parse(readFileSync(path.join(fixtures, 'setup-request.json'), 'utf8'));
const API_KEY = 'sk-test-failed-tasks-0123456789';
const call = { project: '3', provider: 'openai', model: 'gpt-4o' };

function task(id: number, text: string) {
  return { ...predictRequest.tasks[0], id, data: { text } };
}

/**
 * Label Studio's dedup rule (protocol §4.3 step 1): a task is sent to /predict again only when none of its
 * predictions carries the /setup model_version.
 */
function isAskedAgain(predictions: Array<{ model_version: string }>, setupVersion: string): boolean {
  return !predictions.some((prediction) => prediction.model_version === setupVersion);
}

describe('a failed task does not look predicted', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerSentiment, apiKeys: [API_KEY] });
  });
  afterAll(() => openai.close());
  beforeEach(async () => {
    openai.reset();
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL }, observer: new PrometheusObserver() });
  });
  afterEach(() => server.close());

  it('marks a task the provider refused (401) <version>-failed, and answers it with the /setup version once the key works again', async () => {
    const setup = await server.post('/setup', setupRequest);
    expect(setup.status).toBe(200);
    const version: string = setup.body.model_version;

    openai.setApiKeys(['sk-some-other-key']);
    const failed = await server.post('/predict', { ...predictRequest, tasks: [task(1, 'I love it')] });
    expect(failed.status).toBe(200);
    expect(failed.body.results).toEqual([{ result: [], score: null, model_version: `${version}-failed` }]);
    expect(openai.requests.at(-1)).toMatchObject({ path: '/v1/chat/completions' });
    expect(isAskedAgain(failed.body.results, version)).toBe(true);

    openai.setApiKeys([API_KEY]);
    const again = await server.post('/predict', { ...predictRequest, tasks: [task(1, 'I love it')] });
    expect(again.body.results).toEqual([
      { result: [expect.objectContaining({ from_name: 'sentiment', value: { choices: ['Positive'] } })], score: 1, model_version: version },
    ]);
    expect(isAskedAgain([...failed.body.results, ...again.body.results], version)).toBe(false);
  });

  it('marks only the task with a missing data field failed; its siblings are predicted normally', async () => {
    const version: string = (await server.post('/setup', setupRequest)).body.model_version;
    const tasks = [task(1, 'I love it'), { ...predictRequest.tasks[0], id: 2, data: { body: 'no text field' } }, task(3, 'terrible')];
    const response = await server.post('/predict', { ...predictRequest, tasks });
    expect(response.status).toBe(200);
    expect(response.body.results.map((prediction: any) => prediction.model_version)).toEqual([version, `${version}-failed`, version]);
    expect(response.body.results.map((prediction: any) => prediction.result.map((result: any) => result.value.choices[0]))).toEqual([['Positive'], [], ['Negative']]);
    expect(server.logs.find((line) => line.taskId === 2)).toMatchObject({ error: { code: 'TASK_DATA_INVALID' } });
  });
});

describe('abstentions are logged and counted', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({
      // An invented label, for every task whose text says "invent"; JSON mode would not stop it.
      handler: (body) => (userMessageOf(body).includes('invent') ? JSON.stringify({ sentiment: 'Ecstatic' }) : answerSentiment(body)),
    });
  });
  afterAll(() => openai.close());
  beforeEach(async () => {
    openai.reset();
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL }, observer: new PrometheusObserver() });
  });
  afterEach(() => server.close());

  async function metrics() {
    const response = await fetch(`${server.url}/metrics`);
    return parsePrometheusText(await response.text());
  }

  it('logs an invented label at warn with the task, control and reason, and counts it in /metrics', async () => {
    const response = await server.post('/predict', { ...predictRequest, tasks: [task(7, 'invent a label'), task(8, 'I love it')] });
    expect(response.body.results.map((prediction: any) => prediction.result.length)).toEqual([0, 1]);
    const warnings = server.logs.filter((line) => line.level === 40 && line.control === 'sentiment');
    expect(warnings).toEqual([expect.objectContaining({ taskId: 7, control: 'sentiment', reason: expect.stringContaining('"Ecstatic"') })]);
    const samples = await metrics();
    expect(sumSamples(samples, 'prelabel_abstentions_total', { ...call, control: 'sentiment' })).toBe(1);
    const [sample] = samples.filter((candidate) => candidate.name === 'prelabel_abstentions_total');
    // Normalised: the quoted answer becomes <value>, so invented labels count as one reason, whatever they are.
    expect(sample?.labels.reason).toMatch(/^<value> is not/);
    expect(sample?.labels.reason).not.toContain('Ecstatic');
  });

  it('logs at most 20 abstention warnings a minute per project, and counts every one', async () => {
    const tasks = Array.from({ length: 25 }, (_, index) => task(100 + index, `invent ${index}`));
    const response = await server.post('/predict', { ...predictRequest, tasks });
    expect(response.body.results.every((prediction: any) => prediction.result.length === 0)).toBe(true);
    expect(server.logs.filter((line) => line.level === 40 && line.control === 'sentiment')).toHaveLength(20);
    expect(sumSamples(await metrics(), 'prelabel_abstentions_total', { ...call, control: 'sentiment' })).toBe(25);
  });

  it('logs a declined answer (null) at debug, not warn, and still counts it', async () => {
    openai.script(JSON.stringify({ sentiment: null }));
    await server.post('/predict', { ...predictRequest, tasks: [task(9, 'hm')] });
    expect(server.logs.filter((line) => line.control === 'sentiment').map((line) => line.level)).toEqual([20]);
    expect(sumSamples(await metrics(), 'prelabel_abstentions_total', { ...call, control: 'sentiment', reason: 'no answer' })).toBe(1);
  });
});
