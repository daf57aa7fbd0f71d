import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeAnthropicServer, type FakeAnthropicServer } from '../fake-anthropic-server';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

const SENTIMENT =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>';
const API_KEY = 'sk-test-setup-checks-0123456789abcd';

function setupBody(schema = SENTIMENT) {
  return { project: '3.1718035482', schema, hostname: 'http://localhost:8080', access_token: 'token', extra_params: '' };
}

function projectsWith(yaml: string | null): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'prelabel-setup-checks-'));
  if (yaml !== null) writeFileSync(path.join(directory, 'project.yaml'), yaml);
  return directory;
}

const modelChecks = (server: { requests: Array<{ method: string; path: string }> }) =>
  server.requests.filter((request) => request.method === 'GET').map((request) => request.path);

describe('"Validate and Save" (/setup) checks the provider', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer | undefined;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ apiKeys: [API_KEY], models: ['gpt-4o', 'gpt-4o-mini'] });
  });
  afterAll(() => openai.close());
  beforeEach(() => openai.reset());
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('fails without an API key, naming the variable and the YAML setting, in the reason phrase Label Studio shows', async () => {
    server = await startTestServer({ environment: {} });
    const response = await server.post('/setup', setupBody());
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'PROVIDER_KEY_MISSING', detail: expect.stringContaining('OPENAI_API_KEY is not set') });
    expect(response.body.detail).toContain('provider.api_key: ${VAR}');
    expect(response.statusText).toBe(response.body.detail);
  });

  it('fails when the provider refuses the key (401), without quoting any of it', async () => {
    server = await startTestServer({ environment: { OPENAI_API_KEY: 'sk-wrong-key-abcdefgh0123', OPENAI_BASE_URL: openai.baseURL } });
    const response = await server.post('/setup', setupBody());
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('PROVIDER_KEY_REJECTED');
    expect(response.body.detail).toMatch(/refused the API key \(401 invalid_api_key\): set a valid key in OPENAI_API_KEY/);
    expect(response.body.detail).not.toMatch(/0123|sk-wrong/);
    expect(server.logText()).not.toContain('sk-wrong-key-abcdefgh0123');
    expect(modelChecks(openai)).toEqual(['/v1/models/gpt-4o']);
  });

  it('fails when the provider does not serve the model (404 model_not_found), naming the model and the file to edit', async () => {
    const projectsDirectory = projectsWith('projects: [3]\nprovider:\n  model: gpt-4-0613\n');
    server = await startTestServer({ projectsDirectory, environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL } });
    const response = await server.post('/setup', setupBody());
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MODEL_NOT_SERVED');
    expect(response.body.detail).toContain("model 'gpt-4-0613' is not served by openai");
    expect(response.body.detail).toContain(`set provider.model in ${path.join(projectsDirectory, 'project.yaml')}`);
  });

  it('names PRELABEL_MODEL when the default pipeline (no YAML) has a model the provider does not serve', async () => {
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL, PRELABEL_MODEL: 'gpt-4-32k' } });
    const response = await server.post('/setup', setupBody());
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("model 'gpt-4-32k' is not served by openai");
    expect(response.body.detail).toContain("set PRELABEL_MODEL (the default pipeline's model), or provider.model in a project YAML file");
  });

  it('checks once per provider, key and model for minutes, failures too: not on every /setup', async () => {
    const projectsDirectory = projectsWith('projects: [3]\nprovider:\n  model: gpt-4-0613\n');
    server = await startTestServer({ projectsDirectory, environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL } });
    const answers = [];
    for (let index = 0; index < 3; index += 1) answers.push((await server.post('/setup', setupBody())).status);
    expect(answers).toEqual([400, 400, 400]);
    writeFileSync(path.join(projectsDirectory, 'project.yaml'), 'projects: [3]\nprovider:\n  model: gpt-4o\n');
    for (let index = 0; index < 3; index += 1) answers.push((await server.post('/setup', setupBody())).status);
    expect(answers).toEqual([400, 400, 400, 200, 200, 200]);
    expect(modelChecks(openai)).toEqual(['/v1/models/gpt-4-0613', '/v1/models/gpt-4o']);
  });

  it('passes with a warning when the provider cannot be reached: only a definite answer fails setup', async () => {
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' } });
    const response = await server.post('/setup', setupBody());
    expect(response.status).toBe(200);
    expect(server.logs.find((line) => line.level === 40 && String(line.msg).includes('could not be checked'))?.msg).toMatch(
      /provider openai gpt-4o could not be checked, going on: .*did not answer the model check/,
    );
  });

  describe('with a provider that accepts the connection and never answers', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      silent = createServer((socket) => void sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up on the check after its timeout and lets setup pass', async () => {
      const { port } = silent.address() as AddressInfo;
      server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` } });
      const response = await server.post('/setup', setupBody());
      expect(response.status).toBe(200);
      expect(server.logs.some((line) => line.level === 40 && /did not answer the model check within 2000 ms|in time/.test(String(line.msg)))).toBe(true);
    });
  });

  it('only warns about a fallback that cannot be used', async () => {
    const projectsDirectory = projectsWith('projects: [3]\nprovider:\n  model: gpt-4o\nfallbacks:\n  - { model: gpt-3.5-turbo-0301 }\n');
    server = await startTestServer({ projectsDirectory, environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL } });
    const response = await server.post('/setup', setupBody());
    expect(response.status).toBe(200);
    expect(server.logs.find((line) => line.level === 40 && String(line.msg).startsWith('fallback 1'))?.msg).toContain(
      "fallback 1 (openai gpt-3.5-turbo-0301) cannot be used: model 'gpt-3.5-turbo-0301' is not served",
    );
  });

  it('keeps GET /health instant: it asks the provider nothing', async () => {
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL } });
    expect((await server.get('/health')).status).toBe(200);
    expect(openai.requests).toHaveLength(0);
  });
});

describe('/setup checks Anthropic keys and models through its models API', () => {
  let anthropic: FakeAnthropicServer;
  let server: TestServer | undefined;
  beforeAll(async () => {
    anthropic = await createFakeAnthropicServer({ apiKeys: ['sk-ant-good'], models: ['claude-sonnet-4-5'] });
  });
  afterAll(() => anthropic.close());
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function setupWith(key: string, model: string) {
    anthropic.reset();
    const projectsDirectory = projectsWith(`projects: [3]\nprovider:\n  name: anthropic\n  model: ${model}\n`);
    server = await startTestServer({ projectsDirectory, environment: { ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: anthropic.baseURL } });
    const response = await server.post('/setup', setupBody());
    await server.close();
    server = undefined;
    return response;
  }

  it('passes with a served model and an accepted key, fails on a refused key or a retired model', async () => {
    const served = await setupWith('sk-ant-good', 'claude-sonnet-4-5');
    expect(served.body).toEqual({ model_version: expect.stringMatching(/^prelabel-claude-sonnet-4-5-/) });
    expect(modelChecks(anthropic)).toEqual(['/v1/models/claude-sonnet-4-5']);
    const refused = await setupWith('sk-ant-bad', 'claude-sonnet-4-5');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'PROVIDER_KEY_REJECTED', detail: expect.stringContaining('(401 authentication_error)') });
    const retired = await setupWith('sk-ant-good', 'claude-2.1');
    expect(retired.status).toBe(400);
    expect(retired.body).toMatchObject({ code: 'MODEL_NOT_SERVED', detail: expect.stringContaining("model 'claude-2.1' is not served by anthropic") });
  });
});

describe('/setup checks the labeling config', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer | undefined;
  beforeAll(async () => {
    openai = await createFakeOpenAIServer();
  });
  afterAll(() => openai.close());
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function setup(schema: string, yaml: string | null = null) {
    server = await startTestServer({ projectsDirectory: projectsWith(yaml), environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL } });
    return server.post('/setup', setupBody(schema));
  }

  it('fails when no control can be filled, listing each control and why', async () => {
    const response = await setup(
      '<View><Image name="image" value="$image"/><RectangleLabels name="bbox" toName="image"><Label value="Car"/></RectangleLabels>' +
        '<Audio name="audio" value="$audio"/><Choices name="mood" toName="audio"><Choice value="Up"/></Choices></View>',
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('NOTHING_TO_PREDICT');
    expect(response.body.detail).toContain('<RectangleLabels name="bbox"> on <Image name="image">: geometry on images is not supported');
    expect(response.body.detail).toContain('<Choices name="mood"> on <Audio name="audio">: prelabel cannot read <Audio name="audio">');
    expect(response.statusText).toMatch(/^no control of the labeling config can be filled/);
  });

  it('fails when a control points at an object prelabel cannot read, naming it', async () => {
    const config =
      '<View><Video name="video" value="$video"/><Choices name="scene" toName="video"><Choice value="Indoor"/></Choices>' +
      '<Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/></Choices></View>';
    const response = await setup(config);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('OBJECT_UNREADABLE');
    expect(response.body.detail).toContain('the labeling config uses <Video name="video">, which prelabel cannot read');
    expect(response.body.detail).toContain('controls.include');
    await server?.close();
    expect((await setup(config, 'projects: [3]\ncontrols:\n  include: [sentiment]\n')).status).toBe(200);
  });
});
