import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';
import { LEGACY_TOKEN, serve, startFakeHost } from '../helpers/start-fake-label-studio';

const fixtures = path.join(__dirname, '..', 'fixtures', 'label-studio');
const annotationCreated = JSON.parse(readFileSync(path.join(fixtures, 'webhook-annotation-created.json'), 'utf8'));
const predictRequest = JSON.parse(readFileSync(path.join(fixtures, 'predict-request.json'), 'utf8'));
const setupRequest = JSON.parse(readFileSync(path.join(fixtures, 'setup-request.json'), 'utf8'));

/** Both messages of the last chat request: where examples go (system prefix or before the task). */
function lastPrompt(openai: FakeOpenAIServer): string {
  const body = openai.requests[openai.requests.length - 1]?.body as { messages: Array<{ content: string }> };
  return body.messages.map((message) => message.content).join('\n');
}

describe('learning from reviewers: annotations become few-shot examples', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer | undefined;
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-learning-data-'));
  const projectsDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-learning-projects-'));
  writeFileSync(path.join(projectsDirectory, 'project.yaml'), 'projects: [3]\nexamples: { count: 2, strategy: similar }\n');

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerSentiment });
  });
  afterAll(async () => {
    await server?.close();
    await openai.close();
  });

  const start = () =>
    startTestServer({ projectsDirectory, environment: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL, PRELABEL_DATA_DIR: dataDirectory } });
  const version = async () => (await server!.post('/setup', setupRequest)).body.model_version as string;
  const predictText = (id: number, text: string) => server!.post('/predict', { ...predictRequest, tasks: [{ ...predictRequest.tasks[0], id, data: { text } }] });

  async function untilVersionChanges(from: string): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const current = await version();
      if (current !== from) return current;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('model_version did not change');
  }

  it('shows a new annotation to a similar task, never to its own task, forgets it when deleted, and keeps it across restarts', async () => {
    server = await start();
    const before = await version();
    expect(before).toMatch(/-examples0$/);

    const webhook = await server.post('/webhook', annotationCreated);
    expect(webhook.status).toBe(201);
    const afterCreate = await untilVersionChanges(before);

    await predictText(555, 'I love this blender, great product!');
    expect(lastPrompt(openai)).toContain('Example 1:\n<text>\nI love this product!\n</text>');
    expect(lastPrompt(openai)).toContain('sentiment: {"choices":["Positive"]}');

    await predictText(101, 'I love this product!');
    expect(lastPrompt(openai)).not.toContain('Example 1:');

    await server.close();
    server = await start();
    expect(await version()).toBe(afterCreate);
    await predictText(556, 'What a lovely product');
    expect(lastPrompt(openai)).toContain('I love this product!');

    await server.post('/webhook', { action: 'ANNOTATIONS_DELETED', annotations: [{ id: 17 }], project: { id: 3 } });
    const afterDelete = await untilVersionChanges(afterCreate);
    expect(afterDelete).not.toBe(before);
    await predictText(557, 'I love this product a lot');
    expect(lastPrompt(openai)).not.toContain('Example 1:');
  });

  it('rebuilds the examples from the Label Studio API on Start Training', async () => {
    const labelStudio = await startFakeHost();
    labelStudio.route('/api/tasks/', (request, response) => {
      if (request.headers.authorization !== `Token ${LEGACY_TOKEN}`) return serve(response, Buffer.from('{}'), 'application/json', 401);
      const page = Number(new URL(request.url ?? '/', 'http://fake').searchParams.get('page'));
      if (page > 1) return serve(response, Buffer.from('{"detail":"Invalid page."}'), 'application/json', 404);
      const tasks = [
        {
          id: 901,
          project: 3,
          data: { text: 'Awful battery, returned it.' },
          annotations: [{ id: 77, was_cancelled: false, updated_at: '2025-06-10T13:52:48Z', result: [{ id: 'r', from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Negative'] } }] }],
        },
      ];
      serve(response, Buffer.from(JSON.stringify({ tasks, total: 1 })), 'application/json');
    });
    await server?.close();
    server = await startTestServer({
      projectsDirectory,
      environment: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL, PRELABEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'prelabel-training-')), LABEL_STUDIO_URL: labelStudio.url, LABEL_STUDIO_API_KEY: LEGACY_TOKEN },
    });
    try {
      const before = await version();
      const training = await server.post('/webhook', { action: 'START_TRAINING', project: { id: 3, label_config: setupRequest.schema } });
      expect(training.status).toBe(201);
      await untilVersionChanges(before);
      await predictText(902, 'Awful battery life');
      expect(lastPrompt(openai)).toContain('Awful battery, returned it.');
      expect(server.logs.some((line) => line.msg === 'START_TRAINING: examples rebuilt' && line.examples === 1)).toBe(true);
    } finally {
      await labelStudio.close();
    }
  });
});
