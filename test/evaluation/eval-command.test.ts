import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProgram } from '../../cli/main';
import type { EvaluationReport } from '../../cli/evaluation/evaluation-report';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { answerEvaluationTasks } from './answer-evaluation-tasks';

const example = path.join(__dirname, '..', '..', 'examples', 'evaluation');

/** The lines of one block of the terminal table, from its heading to the next blank line. */
function blockOf(printed: string, heading: string): string[] {
  const lines = printed.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start === -1) throw new Error(`no block "${heading}" in:\n${printed}`);
  const end = lines.findIndex((line, index) => index > start && line === '');
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The figures of a block: label → the values of each run, as printed (columns two or more spaces apart). */
function figuresOf(printed: string, heading: string): Record<string, string[]> {
  return Object.fromEntries(
    blockOf(printed, heading).map((line) => {
      const [label, ...values] = line.trim().split(/\s{2,}/);
      return [label as string, values];
    }),
  );
}

describe('prelabel eval (the CLI, in process, against a scripted model)', () => {
  let openai: FakeOpenAIServer;
  let folder: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerEvaluationTasks });
  });
  afterAll(() => openai.close());
  beforeEach(() => {
    openai.reset();
    folder = mkdtempSync(path.join(tmpdir(), 'prelabel-eval-'));
    process.env.OPENAI_API_KEY = 'sk-eval-test';
    process.env.OPENAI_BASE_URL = openai.baseURL;
    process.env.PRELABEL_PROJECTS_DIR = path.join(folder, 'no-projects');
    process.env.LOG_LEVEL = 'silent';
    process.env.PRELABEL_DATA_DIR = path.join(folder, 'data');
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
  });

  async function evaluate(...args: string[]): Promise<string> {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await createProgram()
        .exitOverride()
        .parseAsync(['node', 'prelabel', 'eval', '--label-config', path.join(example, 'label-config.xml'), '--tasks', path.join(example, 'export.json'), '--no-progress', ...args]);
      return stdout.mock.calls.map((call) => String(call[0])).join('');
    } finally {
      stdout.mockRestore();
    }
  }

  function writeProjectFile(name: string, model: string): string {
    const file = path.join(folder, name);
    writeFileSync(file, `default: true\nprovider:\n  model: ${model}\n  temperature: 0\n`);
    return file;
  }

  it('prints, writes as JSON and as HTML the same figures for the shipped export', async () => {
    const jsonFile = path.join(folder, 'report.json');
    const htmlFile = path.join(folder, 'report.html');
    const printed = await evaluate('--json', jsonFile, '--html', htmlFile);

    // tasks 7 (only cancelled) and 8 (no annotation) are never sent; task 5 fails with a 400 (not retried)
    expect(openai.requests).toHaveLength(6);
    expect(printed).toContain('tasks: 8 in the file, 6 evaluated, 1 without annotations, 1 with only cancelled annotations');
    expect(figuresOf(printed, 'entities (Labels)')).toEqual({
      'strict P / R / F1': ['0.875 / 0.700 / 0.778'],
      'partial P / R / F1': ['1.000 / 0.800 / 0.889'],
      'spans matched strict / partial': ['7 / 8'],
      'spans predicted / human': ['8 / 10'],
      coverage: ['0.833 (5/6)'],
      abstentions: ['0'],
      'invalid outputs': ['1'],
      failures: ['1'],
    });
    expect(figuresOf(printed, 'sentiment (Choices, single)')).toEqual({
      accuracy: ['0.500 (3/6)'],
      'macro-F1': ['0.489'],
      'Positive P / R / F1': ['0.667 / 1.000 / 0.800'],
      'Negative P / R / F1': ['1.000 / 0.500 / 0.667'],
      'Neutral P / R / F1': ['n/a / 0.000 / 0.000'],
      coverage: ['0.667 (4/6)'],
      abstentions: ['1'],
      'invalid outputs': ['0'],
      failures: ['1'],
    });
    const overall = figuresOf(printed, 'overall');
    expect(overall).toMatchObject({
      tasks: ['6'],
      'tasks right (every control)': ['0.333 (2/6)'],
      'failed tasks': ['1'],
      'input tokens': ['5,000 (833,333 per 1,000 tasks)'],
      'output tokens': ['250 (41,667 per 1,000 tasks)'],
      cost: ['$0.015 ($2.50 per 1,000 tasks)'],
    });
    expect(overall['wall time']?.[0]).toMatch(/^\d+ ms \(.+ per 1,000 tasks\)$/);
    // The fake server gives every token a log-probability of 0 unless scripted, so every answered task scores 1:
    // 5 scored tasks (the failed one has none), 2 of them right, so 0.400 above every threshold and AUROC 0.5 (ties).
    const confidence = figuresOf(printed, 'confidence');
    expect(confidence).toMatchObject({
      'scored tasks': ['0.833 (5/6)'],
      'AUROC (right vs wrong)': ['0.500'],
      'accuracy at score >= 0.50': ['0.400 (2/5)'],
      'accuracy at score >= 0.95': ['0.400 (2/5)'],
      'expected calibration error': ['0.600'],
      'reliability 0.9-1.0': ['mean score 1.000, accuracy 0.400, 5 tasks'],
    });
    expect(blockOf(printed, 'sentiment, built-in default: confusion matrix')).toEqual([
      '            Positive  Negative  Neutral  (no answer)',
      '  Positive         2         0        0            0',
      '  Negative         0         1        0            1',
      '  Neutral          1         0        0            1',
    ]);

    const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as EvaluationReport;
    expect(report.tasks).toEqual({ inFile: 8, evaluated: 6, withoutAnnotations: 1, onlyCancelled: 1 });
    const [run] = report.runs;
    expect(run).toMatchObject({ name: 'built-in default', projectFile: null, provider: 'openai', model: 'gpt-4o', modelVersion: expect.stringMatching(/^prelabel-gpt-4o-/) });
    const [entities, sentiment] = run!.controls;
    expect(entities).toMatchObject({ control: 'entities', type: 'Labels', coverage: { count: 5, total: 6 }, abstentions: 0, invalidOutputs: 1, failures: 1 });
    expect(entities?.metrics).toEqual({
      kind: 'spans',
      strict: { matched: 7, predicted: 8, gold: 10, precision: 0.875, recall: 0.7, f1: 14 / 18 },
      partial: { matched: 8, predicted: 8, gold: 10, precision: 1, recall: 0.8, f1: 16 / 18 },
    });
    expect(sentiment).toMatchObject({ control: 'sentiment', coverage: { count: 4, total: 6 }, abstentions: 1, invalidOutputs: 0, failures: 1 });
    expect(sentiment?.metrics).toMatchObject({ kind: 'choices', accuracy: { count: 3, total: 6, rate: 0.5 } });
    expect(sentiment?.metrics.kind === 'choices' && sentiment.metrics.macroF1).toBeCloseTo((0.8 + 2 / 3) / 3, 10);
    expect(sentiment?.metrics.kind === 'choices' && sentiment.metrics.confusion?.counts).toEqual([
      [2, 0, 0, 0],
      [0, 1, 0, 1],
      [1, 0, 0, 1],
    ]);
    expect(run!.overall).toMatchObject({ tasks: 6, failedTasks: 1, tasksRight: { count: 2, total: 6 }, inputTokens: 5000, outputTokens: 250 });
    expect(run!.overall.cost.usd).toBeCloseTo(0.015, 10);
    expect(run!.overall.cost.usdPerThousandTasks).toBeCloseTo(2.5, 10);
    expect(run!.confidence).toMatchObject({ available: true, auroc: 0.5 });
    expect(run!.tasks.map((task) => [task.taskId, task.right])).toEqual([[1, true], [2, true], [3, false], [4, false], [5, false], [6, false]]);
    expect(run!.tasks[4]?.error).toContain('scripted failure');

    const html = readFileSync(htmlFile, 'utf8');
    for (const figure of ['0.875 / 0.700 / 0.778', '1.000 / 0.800 / 0.889', '0.500 (3/6)', '0.489', '0.833 (5/6)', '0.667 (4/6)', '5,000 (833,333 per 1,000 tasks)', '$0.015 ($2.50 per 1,000 tasks)']) {
      expect(html).toContain(`<td>${figure}</td>`);
    }
    expect(html).toContain('<div class="headline">0.333 (2/6)</div>');
    expect(html).toContain('0.500');
    expect(html).toMatch(/title="human Negative, model \(no answer\): 1">1<\/td>/);
    expect(html).toMatch(/title="human Positive, model Positive: 2">2<\/td>/);
    expect(html).not.toMatch(/<script|<link|\ssrc=|url\(/);
  });

  it('answers a second run from the cache, asking again only for the task that failed', async () => {
    const first = await evaluate();
    openai.reset();
    const second = await evaluate();
    expect(openai.requests).toHaveLength(1);
    const withoutTimes = (printed: string) => printed.replace(/wall time.*/, '');
    expect(withoutTimes(second)).toBe(withoutTimes(first));
  });

  it('--compare: evaluates a second project file on the same tasks, side by side in all three outputs', async () => {
    const jsonFile = path.join(folder, 'report.json');
    const htmlFile = path.join(folder, 'report.html');
    const printed = await evaluate(
      '--project-yaml', writeProjectFile('gpt-4o.yaml', 'gpt-4o'),
      '--compare', writeProjectFile('local.yaml', 'llama-3.1-8b-local'),
      '--json', jsonFile,
      '--html', htmlFile,
    );

    expect(openai.requests.map((request) => (request.body as { model: string }).model).sort()).toEqual([...Array(6).fill('gpt-4o'), ...Array(6).fill('llama-3.1-8b-local')]);
    expect(printed).toMatch(/^\s+gpt-4o\.yaml\s+local\.yaml$/m);
    expect(printed).toMatch(/^model\s+openai gpt-4o\s+openai llama-3\.1-8b-local$/m);
    expect(figuresOf(printed, 'entities (Labels)')).toMatchObject({
      'strict P / R / F1': ['0.875 / 0.700 / 0.778', '1.000 / 0.900 / 0.947'],
      'partial P / R / F1': ['1.000 / 0.800 / 0.889', '1.000 / 0.900 / 0.947'],
      coverage: ['0.833 (5/6)', '1.000 (6/6)'],
      'invalid outputs': ['1', '0'],
    });
    expect(figuresOf(printed, 'sentiment (Choices, single)')).toMatchObject({
      accuracy: ['0.500 (3/6)', '0.833 (5/6)'],
      'macro-F1': ['0.489', '0.822'],
      'Positive P / R / F1': ['0.667 / 1.000 / 0.800', '1.000 / 0.500 / 0.667'],
      'Neutral P / R / F1': ['n/a / 0.000 / 0.000', '0.667 / 1.000 / 0.800'],
      abstentions: ['1', '0'],
      failures: ['1', '0'],
    });
    expect(figuresOf(printed, 'overall')).toMatchObject({
      'tasks right (every control)': ['0.333 (2/6)', '0.667 (4/6)'],
      'input tokens': ['5,000 (833,333 per 1,000 tasks)', '4,800 (800,000 per 1,000 tasks)'],
      cost: ['$0.015 ($2.50 per 1,000 tasks)', 'n/a (no known price for llama-3.1-8b-local)'],
    });
    expect(figuresOf(printed, 'confidence')['AUROC (right vs wrong)']).toEqual(['0.500', '0.500']);
    expect(blockOf(printed, 'sentiment, local.yaml: confusion matrix')).toEqual([
      '            Positive  Negative  Neutral  (no answer)',
      '  Positive         1         0        1            0',
      '  Negative         0         2        0            0',
      '  Neutral          0         0        2            0',
    ]);

    const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as EvaluationReport;
    expect(report.runs.map((run) => [run.name, run.model, run.overall.tasksRight.count, run.overall.cost.usd])).toEqual([
      ['gpt-4o.yaml', 'gpt-4o', 2, expect.closeTo(0.015, 10)],
      ['local.yaml', 'llama-3.1-8b-local', 4, null],
    ]);
    expect(report.runs[1]?.controls[1]?.metrics).toMatchObject({ kind: 'choices', accuracy: { count: 5, total: 6 } });
    expect(report.runs[1]?.controls[0]?.metrics).toMatchObject({ kind: 'spans', strict: { matched: 9, predicted: 9, gold: 10 } });

    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toContain('<tr><th scope="row">accuracy</th><td>0.500 (3/6)</td><td>0.833 (5/6)</td></tr>');
    expect(html).toContain('<tr><th scope="row">strict P / R / F1</th><td>0.875 / 0.700 / 0.778</td><td>1.000 / 0.900 / 0.947</td></tr>');
    expect(html).toContain('<td>n/a (no known price for llama-3.1-8b-local)</td>');
    expect(html).toContain('<caption>gpt-4o.yaml: rows human, columns model</caption>');
    expect(html).toContain('<caption>local.yaml: rows human, columns model</caption>');
    expect(html.match(/<section class="card run"/g)).toHaveLength(2);
  });

  it('stops with a message naming the file when no task has a human annotation', async () => {
    const tasksFile = path.join(folder, 'export.json');
    writeFileSync(tasksFile, JSON.stringify([{ data: { text: 'x' }, annotations: [{ result: [], was_cancelled: true }] }, { data: { text: 'y' } }]));
    const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(evaluate('--tasks', tasksFile)).rejects.toThrow('exit 1');
      expect(String(stderr.mock.calls[0]?.[0])).toContain(`${tasksFile}: no task has a human annotation`);
      expect(openai.requests).toHaveLength(0);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
