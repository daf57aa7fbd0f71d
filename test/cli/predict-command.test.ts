import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProgram } from '../../server/cli/main';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment, userMessageOf } from '../helpers/sentiment-handler';

const examples = path.join(__dirname, '..', '..', 'examples');

describe('prelabel predict (the CLI, in process)', () => {
  let openai: FakeOpenAIServer;
  let folder: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerSentiment });
  });
  afterAll(() => openai.close());
  beforeEach(() => {
    openai.reset();
    folder = mkdtempSync(path.join(tmpdir(), 'prelabel-cli-'));
    process.env.OPENAI_API_KEY = 'sk-cli-test';
    process.env.OPENAI_BASE_URL = openai.baseURL;
    process.env.PRELABEL_PROJECTS_DIR = path.join(folder, 'no-projects');
    process.env.LOG_LEVEL = 'silent';
    process.env.PRELABEL_DATA_DIR = path.join(folder, 'data');
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
  });

  async function run(...args: string[]) {
    await createProgram().exitOverride().parseAsync(['node', 'prelabel', ...args]);
  }

  it('writes the same tasks with a prediction each, ready to import into Label Studio', async () => {
    const tasksFile = path.join(folder, 'tasks.json');
    writeFileSync(
      tasksFile,
      JSON.stringify([
        { id: 7, data: { text: 'I love it' }, annotations: [], predictions: [{ model_version: 'old', result: [] }] },
        { data: { text: 'terrible, never again' } },
        { text: 'bare data object, neutral' },
      ]),
    );
    const out = path.join(folder, 'predictions.json');
    await run('predict', '--label-config', path.join(examples, 'sentiment', 'label-config.xml'), '--tasks', tasksFile, '--out', out, '--no-progress');

    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toHaveLength(3);
    expect(written[0]).toMatchObject({ id: 7, data: { text: 'I love it' }, annotations: [] });
    expect(written[0].predictions).toHaveLength(2);
    expect(written[2].data).toEqual({ text: 'bare data object, neutral' });
    const labels = written.map((task: any) => task.predictions.at(-1).result[0].value.choices[0]);
    expect(labels).toEqual(['Positive', 'Negative', 'Neutral']);
    for (const task of written) {
      const prediction = task.predictions.at(-1);
      // score 1: the fake server gives every answer token a log-probability of 0 unless scripted.
      expect(prediction).toEqual({ result: [expect.objectContaining({ from_name: 'sentiment', to_name: 'text', type: 'choices' })], score: 1, model_version: expect.stringMatching(/^prelabel-gpt-4o-/) });
    }
  });

  it('uses a project YAML file with the seed prompt', async () => {
    const out = path.join(folder, 'predictions.json');
    openai.setHandler(() => JSON.stringify({ sentiment: 'Negative' }));
    await run(
      'predict',
      '--label-config', path.join(examples, 'sentiment', 'label-config.xml'),
      '--tasks', path.join(examples, 'sentiment', 'tasks.json'),
      '--project-yaml', path.join(examples, 'sentiment', 'sentiment.yaml'),
      '--out', out,
      '--no-progress',
    );
    expect(userMessageOf(openai.requests[0]!.body as any)).toMatch(/^Classify text into different categories/);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.map((task: any) => task.predictions[0].result[0].value.choices)).toEqual([['Negative'], ['Negative'], ['Negative']]);
  });

  it('stops with a message naming the file when the tasks file is not JSON', async () => {
    const tasksFile = path.join(folder, 'tasks.json');
    writeFileSync(tasksFile, '[{"data": ');
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(
        run('predict', '--label-config', path.join(examples, 'sentiment', 'label-config.xml'), '--tasks', tasksFile, '--out', path.join(folder, 'o.json')),
      ).rejects.toThrow('exit 1');
      expect(String(stderr.mock.calls[0]?.[0])).toContain(`${tasksFile}: cannot read tasks`);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});

describe('prelabel validate', () => {
  it('checks every example and reports a broken file with its line', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'prelabel-validate-'));
    const broken = path.join(folder, 'broken.yaml');
    writeFileSync(broken, 'projects: [1]\nprovider:\n  model: gpt-4o\n  temperature: hot\n');
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const files = ['sentiment/sentiment.yaml', 'topics/topics.yaml', 'other-model/other-model.yaml'].map((file) => path.join(examples, file));
      // --offline: this test is about the YAML files; the provider checks have their own tests.
      await createProgram().parseAsync(['node', 'prelabel', 'validate', '--offline', ...files, '--label-config', path.join(examples, 'sentiment', 'label-config.xml')]);
      expect(process.exitCode).toBe(0);
      await createProgram().parseAsync(['node', 'prelabel', 'validate', broken]);
      expect(process.exitCode).toBe(1);
      const printed = stdout.mock.calls.map((call) => String(call[0])).join('');
      expect(printed).toMatch(/ok: .*sentiment\.yaml \(openai gpt-4o, model_version prelabel-gpt-4o-/);
      expect(printed).toMatch(/broken\.yaml:4:\d+: provider\.temperature/);
    } finally {
      stdout.mockRestore();
      process.exitCode = undefined;
    }
  });
});
