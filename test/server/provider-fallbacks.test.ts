import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

const predictRequest = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'label-studio', 'predict-request.json'), 'utf8'));

describe('fallback providers', () => {
  let primary: FakeOpenAIServer;
  let secondary: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    [primary, secondary] = await Promise.all([createFakeOpenAIServer(), createFakeOpenAIServer({ handler: answerSentiment })]);
  });
  afterAll(() => Promise.all([primary.close(), secondary.close()]));
  afterEach(() => server.close());

  async function start() {
    primary.reset();
    secondary.reset();
    const projectsDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-fallbacks-'));
    writeFileSync(
      path.join(projectsDirectory, 'project.yaml'),
      [
        'default: true',
        'provider: { model: gpt-4o, base_url: "${PRIMARY_URL}" }',
        'fallbacks:',
        '  - { model: gpt-4o-mini, base_url: "${SECONDARY_URL}" }',
        'retry: { max_retries: 1, initial_delay_ms: 5, max_delay_ms: 10 }',
        '',
      ].join('\n'),
    );
    server = await startTestServer({
      projectsDirectory,
      environment: { OPENAI_API_KEY: 'sk-test', PRIMARY_URL: primary.baseURL, SECONDARY_URL: secondary.baseURL },
    });
  }

  it('survives a primary that answers only 503: the fallback answers, and each result says so', async () => {
    await start();
    primary.setHandler(() => ({ type: 'error', status: 503 }));
    const version = (await server.post('/setup', { project: '3.1', schema: predictRequest.label_config })).body.model_version;
    const response = await server.post('/predict', predictRequest);
    expect(response.status).toBe(200);
    expect(response.body.results.map((prediction: any) => prediction.model_version)).toEqual([version, version]);
    expect(response.body.results.map((prediction: any) => prediction.result[0].value.choices)).toEqual([['Positive'], ['Negative']]);
    expect(response.body.results[0].result[0].meta).toEqual({ text: ['answered by fallback openai gpt-4o-mini'] });
    // /setup retrieved each model once; then two tasks, each tried twice on the primary.
    expect(primary.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(4);
    expect(secondary.requests.map((request) => `${request.method} ${request.path}`)[0]).toBe('GET /v1/models/gpt-4o-mini');
    expect((secondary.requests.find((request) => request.method === 'POST')?.body as any).model).toBe('gpt-4o-mini');
  });

  it('does not fall back on a request the primary refuses as wrong (400)', async () => {
    await start();
    primary.setHandler(() => ({ type: 'error', status: 400 }));
    const response = await server.post('/predict', { ...predictRequest, tasks: [predictRequest.tasks[0]] });
    expect(response.body.results[0].result).toEqual([]);
    expect(secondary.requests).toHaveLength(0);
  });

  it('uses the primary while it answers, without meta', async () => {
    await start();
    primary.setHandler(answerSentiment);
    const response = await server.post('/predict', predictRequest);
    expect(response.body.results[0].result[0]).not.toHaveProperty('meta');
    expect(secondary.requests).toHaveLength(0);
  });

  it('changes model_version when the fallback list changes', async () => {
    await start();
    const before = (await server.post('/setup', { project: '3.1', schema: predictRequest.label_config })).body.model_version;
    const file = path.join(server.projectsDirectory, 'project.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('gpt-4o-mini', 'gpt-4.1-mini'));
    const after = (await server.post('/setup', { project: '3.1', schema: predictRequest.label_config })).body.model_version;
    expect(after).not.toBe(before);
  });
});
