import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createProgram } from '../../cli/main';
import { answerFromResponseFormat, createFakeOpenAIServer, type FakeOpenAIHandler, type FakeOpenAIServer } from '../fake-openai-server';

// The YAML files of examples/local-models, each against a fake server on 127.0.0.1 playing that local server's
// OpenAI-compatible API (what README's "Local models" section says to run), through the real OpenAI SDK.
const examples = path.join(__dirname, '..', '..', 'examples');

/** LM Studio answers 400 to response_format json_object: it takes json_schema (or text) only. */
const lmStudio: FakeOpenAIHandler = (body) =>
  (body.response_format as { type?: string } | undefined)?.type === 'json_object'
    ? { type: 'error', status: 400, message: "'response_format.type' must be 'json_schema' or 'text'" }
    : answerFromResponseFormat(body);

const servers: Array<{ file: string; variable: string; handler?: FakeOpenAIHandler; extraBody?: Record<string, unknown> }> = [
  { file: 'ollama.yaml', variable: 'OLLAMA_BASE_URL' },
  { file: 'vllm.yaml', variable: 'VLLM_BASE_URL', extraBody: { top_k: 20 } },
  { file: 'llama-cpp.yaml', variable: 'LLAMA_CPP_BASE_URL' },
  { file: 'lm-studio.yaml', variable: 'LM_STUDIO_BASE_URL', handler: lmStudio },
];

describe('examples/local-models', () => {
  const saved = { ...process.env };
  let openai: FakeOpenAIServer;
  beforeAll(async () => {
    openai = await createFakeOpenAIServer();
  });
  afterAll(() => openai.close());
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
    openai.reset();
  });

  it.each(servers)('$file: predicts through the server at its base URL variable, with a JSON schema, without an OpenAI key', async ({ file, variable, handler, extraBody }) => {
    if (handler) openai.setHandler(handler);
    const folder = mkdtempSync(path.join(tmpdir(), 'prelabel-local-model-'));
    process.env = {
      ...saved,
      [variable]: openai.baseURL,
      OPENAI_API_KEY: 'sk-must-not-reach-a-local-server',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      PRELABEL_PROJECTS_DIR: path.join(folder, 'none'),
      PRELABEL_DATA_DIR: path.join(folder, 'data'),
      LOG_LEVEL: 'silent',
    };
    const yamlFile = path.join(examples, 'local-models', file);
    const out = path.join(folder, 'out.json');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await createProgram()
        .exitOverride()
        .parseAsync(['node', 'prelabel', 'predict', '--label-config', path.join(examples, 'sentiment', 'label-config.xml'), '--tasks', path.join(examples, 'sentiment', 'tasks.json'), '--project-yaml', yamlFile, '--out', out, '--no-progress']);
    } finally {
      stderr.mockRestore();
    }
    expect(process.exitCode).toBe(0);

    const model = (parse(readFileSync(yamlFile, 'utf8')) as { provider: { model: string } }).provider.model;
    expect(openai.requests).toHaveLength(3);
    for (const request of openai.requests) {
      expect(request.path).toBe('/v1/chat/completions');
      expect(request.headers.authorization).toBeUndefined();
      const body = request.body as Record<string, unknown>;
      expect(body.model).toBe(model);
      expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { schema: expect.objectContaining({ type: 'object' }) } });
      if (extraBody) expect(body).toMatchObject(extraBody);
    }
    const written = JSON.parse(readFileSync(out, 'utf8')) as Array<{ predictions: Array<{ result: Array<{ from_name: string; value: { choices: string[] } }> }> }>;
    for (const task of written) {
      const result = task.predictions.at(-1)!.result;
      expect(result).toEqual([expect.objectContaining({ from_name: 'sentiment', value: { choices: [expect.stringMatching(/^(Positive|Negative|Neutral)$/)] } })]);
    }
  });

  it('LM Studio refuses JSON mode, which is why its file says json_schema', async () => {
    openai.setHandler(lmStudio);
    const response = await fetch(`${openai.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'qwen/qwen3-8b', messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'json_object' } }),
    });
    expect(response.status).toBe(400);
  });

  it('examples/other-model does not override OPENAI_BASE_URL', () => {
    const yaml = parse(readFileSync(path.join(examples, 'other-model', 'other-model.yaml'), 'utf8')) as { provider: Record<string, unknown> };
    expect(yaml.provider.base_url).toBeUndefined();
  });
});
