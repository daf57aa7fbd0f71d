import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProgram } from '../../cli/main';
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

  it('exits 1 when a task failed, names it, and writes it without a prediction; --allow-failures accepts some', async () => {
    openai.setHandler((body) =>
      userMessageOf(body).includes('refuse me') ? { type: 'error', status: 400, message: 'refused by the test model' } : answerSentiment(body),
    );
    const tasksFile = path.join(folder, 'tasks.json');
    writeFileSync(tasksFile, JSON.stringify([{ id: 1, data: { text: 'I love it' } }, { id: 2, data: { text: 'refuse me' } }, { data: { text: 'refuse me too' } }]));
    const out = path.join(folder, 'predictions.json');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const args = ['predict', '--label-config', path.join(examples, 'sentiment', 'label-config.xml'), '--tasks', tasksFile, '--out', out, '--no-progress'];
      await run(...args);
      expect(process.exitCode).toBe(1);
      const summary = stderr.mock.calls.map((call) => String(call[0])).join('');
      expect(summary).toContain('prelabel predict: 3 tasks: 1 predicted (0 with nothing to suggest), 2 failed');
      expect(summary).toMatch(/failed: task 2: .*refused by the test model/);
      expect(summary).toMatch(/failed: task #3 in the file \(no id\): .*refused by the test model/);
      expect(summary).not.toContain('ready to import');
      const written = JSON.parse(readFileSync(out, 'utf8'));
      expect(written.map((task: any) => task.predictions.length)).toEqual([1, 0, 0]);

      stderr.mockClear();
      await run(...args, '--allow-failures', '2');
      expect(process.exitCode).toBe(0);
      await run(...args, '--allow-failures', '1');
      expect(process.exitCode).toBe(1);
    } finally {
      stderr.mockRestore();
    }
  });

  it('writes nothing when every task failed, and says so', async () => {
    openai.setHandler(() => ({ type: 'error', status: 400, message: 'refused by the test model' }));
    const out = path.join(folder, 'predictions.json');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await run('predict', '--label-config', path.join(examples, 'sentiment', 'label-config.xml'), '--tasks', path.join(examples, 'sentiment', 'tasks.json'), '--out', out, '--no-progress');
      expect(process.exitCode).toBe(1);
      const summary = stderr.mock.calls.map((call) => String(call[0])).join('');
      expect(summary).toContain(`nothing written to ${out}: no task was predicted`);
      expect(() => readFileSync(out)).toThrow(/ENOENT/);
    } finally {
      stderr.mockRestore();
    }
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

describe('prelabel validate DIR', () => {
  function writeProjects(files: Record<string, string>): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'prelabel-validate-dir-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    return folder;
  }

  async function validate(...args: string[]): Promise<{ code: number | undefined; printed: string }> {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      // Offline: these cases are about the files and folders; the provider checks have their own tests.
      await createProgram().parseAsync(['node', 'prelabel', 'validate', '--offline', ...args]);
      return { code: process.exitCode as number | undefined, printed: stdout.mock.calls.map((call) => String(call[0])).join('') };
    } finally {
      stdout.mockRestore();
      process.exitCode = undefined;
    }
  }

  it('refuses two files claiming one project, or two defaults, though each file alone is fine', async () => {
    const folder = writeProjects({
      'a.yaml': 'projects: [1, 2]\ndefault: true\nprovider:\n  model: gpt-4o\n',
      'b.yaml': 'projects: [2]\nprovider:\n  model: gpt-4o-mini\n',
      'c.yml': 'default: true\nprovider:\n  model: gpt-4o-mini\n',
    });
    for (const file of ['a.yaml', 'b.yaml', 'c.yml']) expect((await validate(path.join(folder, file))).code).toBe(0);
    const { code, printed } = await validate(folder);
    expect(code).toBe(1);
    expect(printed).toContain(`error: ${path.join(folder, 'b.yaml')}:1:`);
    expect(printed).toMatch(/b\.yaml:1:\d+: .*project 2 is already claimed by .*a\.yaml:1/);
    expect(printed).toMatch(/c\.yml:1:\d+: .*a\.yaml:2 is already the default file; only one file may say default: true/);
  });

  it('reports every file of a good folder with what it claims, checked against a labeling config', async () => {
    const folder = writeProjects({ 'a.yaml': 'projects: [1]\nprovider:\n  model: gpt-4o\n', 'b.yaml': 'default: true\nprovider:\n  model: gpt-4o-mini\n' });
    const { code, printed } = await validate(folder, '--label-config', path.join(examples, 'sentiment', 'label-config.xml'));
    expect(code).toBe(0);
    expect(printed).toMatch(/ok: .*a\.yaml \(openai gpt-4o, model_version prelabel-gpt-4o-\w+, controls: sentiment; projects 1\)/);
    expect(printed).toMatch(/ok: .*b\.yaml \(openai gpt-4o-mini, .*; default\)/);
  });

  it('says so for a path that does not exist', async () => {
    const missing = path.join(tmpdir(), 'prelabel-no-such-folder');
    const { code, printed } = await validate(missing);
    expect(code).toBe(1);
    expect(printed).toBe(`error: ${missing}: no such file or folder\n`);
  });
});
