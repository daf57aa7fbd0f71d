import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../../../test/fake-openai-server';
import { userMessageOf } from '../../../test/helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../../../test/helpers/start-test-server';

const PLUGIN = __dirname;
const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'label-studio');
const predictRequest = JSON.parse(readFileSync(path.join(fixtures, 'predict-request.json'), 'utf8'));
const setupRequest = JSON.parse(readFileSync(path.join(fixtures, 'setup-request.json'), 'utf8'));

/** A scripted model that answers in whatever shape the request's schema asks for `sentiment`. */
function answerWithRationaleWhenAsked(body: ChatCompletionCreateParams): string {
  const sentiment = /love|great/i.test(userMessageOf(body)) ? 'Positive' : 'Negative';
  const format = body.response_format;
  const schema = format?.type === 'json_schema' ? (format.json_schema.schema as { properties: Record<string, { type?: string }> }) : null;
  const wantsObject = schema?.properties.sentiment?.type === 'object';
  return JSON.stringify({ sentiment: wantsObject ? { label: sentiment, rationale: `The text reads ${sentiment.toLowerCase()}.` } : sentiment });
}

function projectFolder(lines: string[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'prelabel-rationale-'));
  writeFileSync(path.join(folder, 'project.yaml'), [`plugins: [${JSON.stringify(PLUGIN)}]`, 'default: true', ...lines, ''].join('\n'));
  return folder;
}

describe('the choices-with-rationale example plugin task', () => {
  let openai: FakeOpenAIServer;
  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerWithRationaleWhenAsked });
  });
  afterAll(() => openai.close());
  beforeEach(() => openai.reset());

  async function withServer<T>(lines: string[], run: (server: TestServer) => Promise<T>): Promise<T> {
    const server = await startTestServer({
      projectsDirectory: projectFolder(lines),
      environment: { OPENAI_API_KEY: 'sk-test-rationale', OPENAI_BASE_URL: openai.baseURL },
    });
    try {
      return await run(server);
    } finally {
      await server.close();
    }
  }

  it('is picked for one control by one YAML line: its schema reaches the model and its result comes back', async () => {
    const pluginVersion = await withServer(['controls:', '  sentiment:', '    task: choices-with-rationale.v1'], async (server) => {
      const setup = await server.post('/setup', setupRequest);
      expect(setup.status).toBe(200);
      const response = await server.post('/predict', predictRequest);
      expect(response.status).toBe(200);

      const completion = openai.requests.find((request) => request.path === '/v1/chat/completions');
      const body = completion?.body as ChatCompletionCreateParams;
      const format = body.response_format;
      expect(format?.type).toBe('json_schema');
      expect(format?.type === 'json_schema' && format.json_schema.schema).toMatchObject({
        properties: {
          sentiment: {
            type: 'object',
            properties: { label: { anyOf: [{ type: 'string', enum: ['Positive', 'Negative', 'Neutral'] }, { type: 'null' }] }, rationale: { type: 'string' } },
            required: ['label', 'rationale'],
          },
        },
      });
      expect(JSON.stringify(body.messages)).toContain('\\"rationale\\" one short sentence');

      const results = response.body.results.map((prediction: any) => prediction.result);
      expect(results).toEqual([
        [expect.objectContaining({ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] }, meta: { text: ['The text reads positive.'] } })],
        [expect.objectContaining({ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Negative'] }, meta: { text: ['The text reads negative.'] } })],
      ]);
      expect(response.body.results[0].model_version).toBe(setup.body.model_version);
      return setup.body.model_version as string;
    });

    const defaultVersion = await withServer([], async (server) => {
      const setup = await server.post('/setup', setupRequest);
      const response = await server.post('/predict', predictRequest);
      expect(response.body.results[0].result).toEqual([expect.objectContaining({ type: 'choices', value: { choices: ['Positive'] } })]);
      expect(response.body.results[0].result[0]).not.toHaveProperty('meta');
      return setup.body.model_version as string;
    });
    expect(pluginVersion).toMatch(/^prelabel-gpt-4o-[0-9a-f]{12}$/);
    expect(defaultVersion).toMatch(/^prelabel-gpt-4o-[0-9a-f]{12}$/);
    expect(pluginVersion).not.toBe(defaultVersion);
  });

  it('naming a task for a control of another type fails /setup, saying which task and control', async () => {
    await withServer(['controls:', '  sentiment:', '    task: labels.v1'], async (server) => {
      const setup = await server.post('/setup', setupRequest);
      expect(setup.status).toBe(400);
      expect(setup.body.code).toBe('PROJECT_CONFIG_INVALID');
      expect(setup.body.detail).toContain('controls.sentiment.task: the task "labels.v1" fills <Labels> controls, not <Choices name="sentiment">');
    });
  });
});
