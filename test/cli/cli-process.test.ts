import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment, userMessageOf } from '../helpers/sentiment-handler';
import { BUILT_CLI, BUILT_SERVER, ensureBuilt, isolatedEnvironment, runProcess, stripTerminalControls } from './built-package';

// These tests run prelabel as a user does: `node dist/...`, in a real process, its terminal a real pseudo-terminal
// (util-linux `script`). In CI (CI=true) a missing `script` fails the test instead of skipping it.
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
const describeWithScript = hasScript || process.env.CI ? describe : describe.skip;

const examples = path.join(__dirname, '..', '..', 'examples');
const labelConfig = path.join(examples, 'sentiment', 'label-config.xml');

function quote(argument: string): string {
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server never answered /health');
}

/** The non-empty lines of a process's stderr. */
function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

beforeAll(() => ensureBuilt(), 180_000);

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'prelabel-process-'));
});

describeWithScript('prelabel predict on a terminal', () => {
  let openai: FakeOpenAIServer;
  beforeAll(async () => {
    // Every 4th task is refused by the "model" (a 400 is not retried); the others answer after a short delay, so
    // failures are logged while the progress bar is shown.
    openai = await createFakeOpenAIServer({
      handler: (body) =>
        userMessageOf(body).includes('FAIL')
          ? { type: 'error', status: 400, message: 'this task is refused by the test model' }
          : { type: 'completion', content: answerSentiment(body), delayMs: 15 },
    });
  });
  afterAll(() => openai.close());

  it('prints each log line whole above the progress bar, then one summary naming the failed tasks, and exits 1', async () => {
    const tasks = Array.from({ length: 40 }, (_, index) => ({ id: index + 1, data: { text: (index + 1) % 4 === 0 ? `FAIL number ${index + 1}` : 'I love it' } }));
    const failingIds = tasks.filter((task) => task.data.text.startsWith('FAIL')).map((task) => task.id);
    const tasksFile = path.join(folder, 'tasks.json');
    writeFileSync(tasksFile, JSON.stringify(tasks));
    const out = path.join(folder, 'out.json');
    const command = ['node', BUILT_CLI, 'predict', '--label-config', labelConfig, '--tasks', tasksFile, '--out', out].map(quote).join(' ');
    const result = await runProcess('script', ['-qfec', command, '/dev/null'], {
      env: isolatedEnvironment({
        OPENAI_API_KEY: 'sk-terminal-test',
        OPENAI_BASE_URL: openai.baseURL,
        PRELABEL_PROJECTS_DIR: path.join(folder, 'no-projects'),
        PRELABEL_DATA_DIR: path.join(folder, 'data'),
        PRELABEL_CACHE: 'off',
      }),
    });

    // The raw terminal output: lines end in \r\n on a pty; the bar redraws itself after a \r on its own line.
    const segments = stripTerminalControls(result.stdout)
      .split(/\r?\n/)
      .flatMap((line) => line.split('\r'))
      .filter((segment) => segment.trim() !== '');
    expect(segments.some((segment) => /^prelabel \|.*\| \d+\/40 tasks \| \d+ failed/.test(segment))).toBe(true);

    // Readable (pino-pretty) lines, each whole: the JSON after the message parses, so no bar cut into it.
    const prefix = /^\[\d{2}:\d{2}:\d{2}\.\d{3}\] ERROR: task failed; returning an empty prediction /;
    const logged = segments.filter((segment) => prefix.test(segment)).map((segment) => JSON.parse(segment.replace(prefix, '')) as { taskId: number });
    expect(logged.map((fields) => fields.taskId).sort((left, right) => left - right)).toEqual(failingIds);
    // The one other log line: the projects folder named in PRELABEL_PROJECTS_DIR does not exist, with its path.
    const missingFolder = new RegExp(`^\\[\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\] WARN: the projects folder ${path.join(folder, 'no-projects')} does not exist; .*\\}$`);
    expect(segments.filter((segment) => missingFolder.test(segment))).toHaveLength(1);
    // Nothing else carries a log level: no log line was split or glued to the bar.
    const levelled = segments.filter((segment) => /\b(ERROR|WARN|INFO):/.test(segment));
    expect(levelled.filter((segment) => !prefix.test(segment) && !missingFolder.test(segment))).toEqual([]);

    const summaryAt = segments.findIndex((segment) => segment.startsWith('prelabel predict: '));
    expect(segments[summaryAt]).toBe('prelabel predict: 40 tasks: 30 predicted (0 with nothing to suggest), 10 failed');
    const failedLines = segments.slice(summaryAt + 1).filter((segment) => segment.startsWith('  failed: '));
    expect(failedLines.map((line) => Number(/task (\d+):/.exec(line)?.[1]))).toEqual(failingIds);
    expect(failedLines[0]).toContain('this task is refused by the test model');
    expect(segments.slice(summaryAt).join('\n')).toContain('the 10 failed tasks are written without one');
    expect(result.code).toBe(1);
  });
});

describe('start-up problems: one line each, with the fix', () => {
  const serverEnvironment = (extra: NodeJS.ProcessEnv) =>
    isolatedEnvironment({ HOST: '127.0.0.1', PRELABEL_DATA_DIR: path.join(folder, 'data'), PRELABEL_CACHE: 'off', ...extra });

  it('a port in use: the second server names the port and PORT; LOG_LEVEL=WARNING keeps info lines out', async () => {
    const port = await freePort();
    const missingProjects = path.join(folder, 'projects-that-do-not-exist');
    const first = spawn('node', [BUILT_SERVER], {
      env: serverEnvironment({ PORT: String(port), LOG_LEVEL: 'WARNING', PRELABEL_PROJECTS_DIR: missingProjects }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let firstErr = '';
    first.stderr!.setEncoding('utf8').on('data', (chunk: string) => (firstErr += chunk));
    try {
      await waitForHealth(port, first);
      const projects = path.join(folder, 'projects');
      mkdirSync(projects);
      const second = await runProcess('node', [BUILT_SERVER], { env: serverEnvironment({ PORT: String(port), LOG_LEVEL: 'warning', PRELABEL_PROJECTS_DIR: projects }) });
      expect(second.code).toBe(1);
      expect(linesOf(second.stderr)).toEqual([
        `prelabel: port ${port} is in use (another prelabel or another program listens on it); stop that program or set PORT to a free port, e.g. PORT=${port + 1}`,
      ]);
    } finally {
      first.kill('SIGTERM');
      await new Promise((resolve) => first.once('close', resolve));
    }
    // The first server: JSON lines (no terminal), only warnings and worse, one of them the missing projects folder.
    const lines = linesOf(firstErr).map((line) => JSON.parse(line) as { level: number; msg: string; directory?: string });
    expect(lines.every((line) => line.level >= 40)).toBe(true);
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, directory: missingProjects, msg: expect.stringContaining(`the projects folder ${missingProjects} does not exist`) }));
  }, 60_000);

  it('a port held by another program, a PORT that is not a port, an unknown LOG_LEVEL, a data folder it cannot create', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    const projects = path.join(folder, 'projects');
    mkdirSync(projects);
    try {
      const aFile = path.join(folder, 'a-file');
      writeFileSync(aFile, '');
      const [held, notAPort, badLevel, badData] = await Promise.all([
        runProcess('node', [BUILT_SERVER], { env: serverEnvironment({ PORT: String(port), PRELABEL_PROJECTS_DIR: projects, LOG_LEVEL: 'ERROR' }) }),
        runProcess('node', [BUILT_SERVER], { env: serverEnvironment({ PORT: 'nine-thousand', PRELABEL_PROJECTS_DIR: projects }) }),
        runProcess('node', [BUILT_SERVER], { env: serverEnvironment({ LOG_LEVEL: 'loud', PRELABEL_PROJECTS_DIR: projects }) }),
        runProcess('node', [BUILT_SERVER], { env: serverEnvironment({ PRELABEL_PROJECTS_DIR: projects, PRELABEL_DATA_DIR: path.join(aFile, 'data'), PRELABEL_CACHE: 'on' }) }),
      ]);
      expect([held.code, notAPort.code, badLevel.code, badData.code]).toEqual([1, 1, 1, 1]);
      expect(linesOf(badData.stderr)).toEqual([
        expect.stringMatching(new RegExp(`^prelabel: cannot open the cache and example store in ${path.join(aFile, 'data')}: .*; set PRELABEL_DATA_DIR to a folder prelabel may write`)),
      ]);
      expect(linesOf(held.stderr)).toEqual([expect.stringMatching(new RegExp(`^prelabel: port ${port} is in use .* set PORT to a free port`))]);
      expect(linesOf(notAPort.stderr)).toEqual(['prelabel: PORT=nine-thousand is not a port; set PORT to a number from 1 to 65535 (default 9090)']);
      expect(linesOf(badLevel.stderr)).toEqual([
        "prelabel: LOG_LEVEL=loud is not a log level; use DEBUG, INFO, WARNING, ERROR or CRITICAL (any case), or pino's trace, fatal, silent",
      ]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 60_000);

  it('an unreadable --label-config file', async () => {
    const missing = path.join(folder, 'label-config.xml');
    const result = await runProcess('node', [BUILT_CLI, 'predict', '--label-config', missing, '--tasks', path.join(examples, 'sentiment', 'tasks.json'), '--out', path.join(folder, 'out.json')], {
      env: isolatedEnvironment({ PRELABEL_DATA_DIR: path.join(folder, 'data') }),
    });
    expect(result.code).toBe(1);
    expect(linesOf(result.stderr)).toEqual([
      `prelabel: ${missing}: cannot read the --label-config file (no such file); give the path of the project's labeling config XML (Label Studio: project Settings → Labeling Interface → Code)`,
    ]);
  }, 30_000);
});

describe('the prelabel command', () => {
  it('answers --version and --help on itself and on each command', async () => {
    const { version } = require('../../package.json') as { version: string };
    const commands = [[], ['serve'], ['predict'], ['validate'], ['eval']];
    const results = await Promise.all(
      commands.flatMap((command) => [
        runProcess('node', [BUILT_CLI, ...command, '--version'], { env: isolatedEnvironment({}) }),
        runProcess('node', [BUILT_CLI, ...command, '--help'], { env: isolatedEnvironment({}) }),
      ]),
    );
    results.forEach((result, index) => {
      const command = commands[Math.floor(index / 2)]!;
      expect(result.code).toBe(0);
      if (index % 2 === 0) expect(result.stdout.trim()).toBe(version);
      else expect(result.stdout).toContain(`Usage: prelabel ${command.length > 0 ? `${command[0]} ` : ''}`);
    });
    expect(results[1]!.stdout).toMatch(/serve[\s\S]*predict[\s\S]*eval[\s\S]*validate/);
  }, 60_000);
});
