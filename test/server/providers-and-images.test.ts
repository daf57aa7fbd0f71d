import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeAnthropicServer, type FakeAnthropicServer } from '../fake-anthropic-server';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { LEGACY_TOKEN, PNG_BYTES, serve, startFakeHost, type FakeHost } from '../helpers/start-fake-label-studio';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

const SENTIMENT = '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>';
const IMAGE_CONFIG =
  '<View><Image name="image" value="$image"/><Choices name="animal" toName="image"><Choice value="Cat"/><Choice value="Dog"/></Choices><TextArea name="caption" toName="image"/></View>';

describe('switching providers by editing one YAML line', () => {
  let openai: FakeOpenAIServer;
  let anthropic: FakeAnthropicServer;
  let server: TestServer;

  beforeAll(async () => {
    [openai, anthropic] = await Promise.all([
      createFakeOpenAIServer({ handler: () => JSON.stringify({ sentiment: 'Positive' }) }),
      createFakeAnthropicServer(),
    ]);
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([openai.close(), anthropic.close()]);
  });

  it('moves from openai to anthropic on the next /predict, with a new model_version', async () => {
    const projectsDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-switch-'));
    const file = path.join(projectsDirectory, 'project.yaml');
    const yaml = (provider: string) => `projects: [3]\nprovider: ${provider}\n`;
    writeFileSync(file, yaml('{ name: openai, model: gpt-4o }'));
    server = await startTestServer({
      projectsDirectory,
      environment: { OPENAI_API_KEY: 'sk-openai', OPENAI_BASE_URL: openai.baseURL, ANTHROPIC_API_KEY: 'sk-ant', ANTHROPIC_BASE_URL: anthropic.baseURL },
    });
    const request = { project: '3.1718035482', label_config: SENTIMENT, tasks: [{ id: 1, data: { text: 'Lovely.' } }] };
    const first = await server.post('/predict', request);
    expect(first.body.results[0].result[0].value.choices).toEqual(['Positive']);
    expect(openai.requests).toHaveLength(1);

    writeFileSync(file, yaml('{ name: anthropic, model: claude-sonnet-4-5 }'));
    const second = await server.post('/predict', request);
    expect(anthropic.requests).toHaveLength(1);
    expect(openai.requests).toHaveLength(1);
    expect(second.body.results[0].result[0].value.choices).toEqual(['Positive']);
    expect(second.body.results[0].model_version).not.toBe(first.body.results[0].model_version);
    expect(second.body.results[0].model_version).toMatch(/^prelabel-claude-sonnet-4-5-/);
    const body = anthropic.requests[0]?.body as { tool_choice: unknown; tools: Array<{ input_schema: unknown }> };
    expect(body.tool_choice).toMatchObject({ type: 'tool' });
    expect(body.tools[0]?.input_schema).toMatchObject({ required: ['sentiment'] });
  });
});

describe('image classification with a vision model', () => {
  let openai: FakeOpenAIServer;
  let labelStudio: FakeHost;
  let elsewhere: FakeHost;
  let server: TestServer;

  beforeAll(async () => {
    [openai, labelStudio, elsewhere] = await Promise.all([
      createFakeOpenAIServer({ handler: () => JSON.stringify({ animal: 'Cat', caption: 'A cat on a sofa.' }) }),
      startFakeHost(),
      startFakeHost(),
    ]);
    labelStudio.route('/data/upload/3/cat.png', (request, response) =>
      request.headers.authorization === `Token ${LEGACY_TOKEN}` ? serve(response, PNG_BYTES, 'image/png') : serve(response, Buffer.from('{}'), 'application/json', 401),
    );
    elsewhere.route('/private/secret.png', (_request, response) => serve(response, PNG_BYTES, 'image/png'));
    server = await startTestServer({
      environment: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL, LABEL_STUDIO_URL: labelStudio.url, LABEL_STUDIO_API_KEY: LEGACY_TOKEN },
    });
  });
  afterAll(async () => {
    await server.close();
    await Promise.all([openai.close(), labelStudio.close(), elsewhere.close()]);
  });

  it('fetches the image from Label Studio with its key, sends it inline, and refuses a task pointing at any other host', async () => {
    const response = await server.post('/predict', {
      project: '3.1718035482',
      label_config: IMAGE_CONFIG,
      tasks: [
        { id: 1, data: { image: '/data/upload/3/cat.png' } },
        { id: 2, data: { image: `${elsewhere.url}/private/secret.png` } },
      ],
    });
    expect(response.status).toBe(200);
    const [cat, refused] = response.body.results;
    expect(cat.result.map((result: any) => [result.from_name, result.to_name, result.type, result.value])).toEqual([
      ['animal', 'image', 'choices', { choices: ['Cat'] }],
      ['caption', 'image', 'textarea', { text: ['A cat on a sofa.'] }],
    ]);
    expect(refused.result).toEqual([]);
    expect(labelStudio.requests.map((request) => request.headers.authorization)).toEqual([`Token ${LEGACY_TOKEN}`]);
    expect(elsewhere.requests).toHaveLength(0);
    expect(openai.requests).toHaveLength(1);
    const user = (openai.requests[0]?.body as any).messages.find((message: any) => message.role === 'user');
    expect(user.content).toContainEqual({ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BYTES.toString('base64')}` } });
    const failure = server.logs.find((line) => line.taskId === 2 && line.msg === 'task failed; returning an empty prediction');
    expect(JSON.stringify(failure)).toMatch(/refused to download/);
    expect(server.logText()).not.toContain(LEGACY_TOKEN);
  });

  it('skips image controls for a model without vision, with one log line', async () => {
    const projectsDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-vision-'));
    writeFileSync(path.join(projectsDirectory, 'text-only.yaml'), 'projects: [9]\nprovider: { model: gpt-4 }\n');
    const textOnly = await startTestServer({ projectsDirectory, environment: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL } });
    try {
      openai.reset();
      const response = await textOnly.post('/predict', { project: '9.1', label_config: IMAGE_CONFIG, tasks: [{ id: 1, data: { image: '/data/upload/3/cat.png' } }] });
      expect(response.body.results[0].result).toEqual([]);
      expect(openai.requests).toHaveLength(0);
      expect(JSON.stringify(textOnly.logs.find((line) => line.msg === 'controls prelabel does not fill are skipped'))).toContain('takes no images');
    } finally {
      await textOnly.close();
    }
  });
});
