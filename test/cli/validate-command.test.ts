import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProgram } from '../../cli/main';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';

const SENTIMENT =
  '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices></View>';
const IMAGE_BOXES = '<View><Image name="image" value="$image"/><RectangleLabels name="bbox" toName="image"><Label value="Car"/></RectangleLabels></View>';
const API_KEY = 'sk-validate-0123456789abcdef';

describe('prelabel validate reports what /setup would refuse', () => {
  let openai: FakeOpenAIServer;
  let folder: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ apiKeys: [API_KEY], models: ['gpt-4o'] });
  });
  afterAll(() => openai.close());
  beforeEach(() => {
    openai.reset();
    folder = mkdtempSync(path.join(tmpdir(), 'prelabel-validate-checks-'));
    process.env.OPENAI_BASE_URL = openai.baseURL;
    process.env.LOG_LEVEL = 'silent';
    process.env.PRELABEL_DATA_DIR = path.join(folder, 'data');
    delete process.env.OPENAI_API_KEY;
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
  });

  function write(name: string, text: string): string {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  }

  async function validate(...args: string[]): Promise<{ exitCode: number | undefined; printed: string }> {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await createProgram().parseAsync(['node', 'prelabel', 'validate', ...args]);
      return { exitCode: process.exitCode as number | undefined, printed: stdout.mock.calls.map((call) => String(call[0])).join('') };
    } finally {
      stdout.mockRestore();
    }
  }

  it('passes a project whose key works and whose model is served', async () => {
    process.env.OPENAI_API_KEY = API_KEY;
    const file = write('good.yaml', 'projects: [1]\nprovider:\n  model: gpt-4o\n');
    const { exitCode, printed } = await validate(file, '--label-config', write('config.xml', SENTIMENT));
    expect(printed).toMatch(/^ok: .*good\.yaml \(openai gpt-4o, model_version prelabel-gpt-4o-\w+, controls: sentiment\)$/m);
    expect(exitCode).toBe(0);
  });

  it('reports a missing key, a refused key and a model not served, one line each', async () => {
    // No key, and the default base URL: refused before any request.
    delete process.env.OPENAI_BASE_URL;
    const noKey = await validate(write('no-key.yaml', 'projects: [1]\nprovider:\n  model: gpt-4o\n'));
    expect(noKey.exitCode).toBe(1);
    // Found when the file loads, at the provider section's line, and reported once.
    expect(noKey.printed).toMatch(/^error: .*no-key\.yaml:2:\d+: provider\.api_key: OPENAI_API_KEY is not set: set it in the environment of prelabel/m);
    expect(noKey.printed.match(/OPENAI_API_KEY is not set/g)).toHaveLength(1);

    process.env.OPENAI_BASE_URL = openai.baseURL;
    process.env.OPENAI_API_KEY = 'sk-revoked-key-0000000000';
    const refused = await validate(write('refused.yaml', 'projects: [1]\nprovider:\n  model: gpt-4o\n'));
    expect(refused.exitCode).toBe(1);
    expect(refused.printed).toMatch(/^error: .*refused\.yaml: the OpenAI API at http:\/\/127\.0\.0\.1:\d+ refused the API key \(401 invalid_api_key\)/m);
    expect(refused.printed).not.toContain('sk-revoked');

    process.env.OPENAI_API_KEY = API_KEY;
    const retired = await validate(write('retired.yaml', 'projects: [1]\nprovider:\n  model: gpt-4-0613\n'));
    expect(retired.exitCode).toBe(1);
    expect(retired.printed).toMatch(/^error: .*retired\.yaml: model 'gpt-4-0613' is not served by openai .*set provider\.model in .*retired\.yaml/m);
  });

  it('reports a labeling config with nothing to fill', async () => {
    process.env.OPENAI_API_KEY = API_KEY;
    const { exitCode, printed } = await validate(write('boxes.yaml', 'projects: [1]\n'), '--label-config', write('boxes.xml', IMAGE_BOXES));
    expect(exitCode).toBe(1);
    expect(printed).toMatch(/^error: .*boxes\.yaml: no control of the labeling config can be filled by prelabel: <RectangleLabels name="bbox"> on <Image name="image">: geometry on images/m);
  });

  it('warns about a missing key with --offline (the keys are the server\'s), and fails on a base URL that is not a URL', async () => {
    delete process.env.OPENAI_BASE_URL;
    const noKey = await validate('--offline', write('offline-no-key.yaml', 'projects: [1]\nprovider:\n  model: gpt-4o\n'));
    expect(noKey.exitCode).toBe(0);
    expect(noKey.printed).toMatch(/^warning: .*offline-no-key\.yaml:2:\d+: provider\.api_key: OPENAI_API_KEY is not set/m);

    process.exitCode = undefined;
    process.env.OPENAI_BASE_URL = 'not a url';
    const badUrl = await validate('--offline', write('offline-bad-url.yaml', 'projects: [1]\nprovider:\n  model: gpt-4o\n'));
    expect(badUrl.exitCode).toBe(1);
    expect(badUrl.printed).toMatch(/^error: .*offline-bad-url\.yaml:2:\d+: provider\.base_url: provider\.base_url \(or OPENAI_BASE_URL\) is not a valid URL/m);
    expect(openai.requests).toHaveLength(0);
  });

  it('asks the provider nothing with --offline', async () => {
    const { exitCode } = await validate('--offline', write('offline.yaml', 'projects: [1]\nprovider:\n  model: gpt-4-0613\n'));
    expect(exitCode).toBe(0);
    expect(openai.requests).toHaveLength(0);
  });
});
