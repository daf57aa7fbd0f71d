import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment } from '../helpers/sentiment-handler';
import { isolatedEnvironment, REPOSITORY_ROOT, runProcess } from './built-package';

// `npm pack`, then `npm install -g <tarball>` into a temporary prefix, then `prelabel` from that prefix's bin folder:
// what a user gets from a release tarball. The pack runs in a copy of the sources (its `prepare` builds a dist/ of
// its own, so the repository's dist/, which other tests run, is never rebuilt under them).
describe('the npm package', () => {
  let work: string;
  let openai: FakeOpenAIServer;
  let prefix: string;
  let version: string;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerSentiment });
    work = mkdtempSync(path.join(tmpdir(), 'prelabel-package-'));
    const copy = path.join(work, 'source');
    mkdirSync(copy);
    for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'core', 'providers', 'tasks', 'config', 'server', 'cli', 'examples']) {
      cpSync(path.join(REPOSITORY_ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    symlinkSync(path.join(REPOSITORY_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    version = (JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { version: string }).version;

    const packed = await runProcess('npm', ['pack', '--pack-destination', work], { cwd: copy, env: { ...process.env, npm_config_update_notifier: 'false' }, timeoutMs: 180_000 });
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);

    // The better-sqlite3 addon already compiled in this checkout, offered as a local prebuilt (prebuild-install's
    // own option), so the install does not compile it again; without it the install would compile and pass, slower.
    const prebuilds = path.join(work, 'prebuilds');
    mkdirSync(prebuilds);
    const addon = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string };
    const prebuilt = `better-sqlite3-v${addon.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
    const tar = await runProcess('tar', ['-czf', path.join(prebuilds, prebuilt), '-C', path.join(REPOSITORY_ROOT, 'node_modules', 'better-sqlite3'), 'build/Release/better_sqlite3.node']);
    if (tar.code !== 0) throw new Error(tar.stderr);

    prefix = path.join(work, 'prefix');
    const installed = await runProcess('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(work, `prelabel-${version}.tgz`)], {
      cwd: work,
      env: { ...process.env, npm_config_better_sqlite3_local_prebuilds: prebuilds, npm_config_update_notifier: 'false' },
      timeoutMs: 300_000,
    });
    if (installed.code !== 0) throw new Error(`npm install -g failed:\n${installed.stdout}\n${installed.stderr}`);
  }, 480_000);
  afterAll(() => openai.close());

  const onPath = (extra: NodeJS.ProcessEnv = {}) => isolatedEnvironment({ PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}`, ...extra });

  it('holds the built dist/ and the data files, not the tests', async () => {
    const listing = await runProcess('tar', ['-tzf', path.join(work, `prelabel-${version}.tgz`)]);
    const files = listing.stdout.split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/dist/cli/main.js', 'package/dist/server/main.js', 'package/dist/server/check-health.js', 'package/config/project-config.schema.json', 'package/tasks/choices/choices.v1.prompt.txt']));
    expect(files.filter((file) => file.startsWith('package/test/') || file.endsWith('.test.js') || file.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it('puts prelabel on PATH: --version, and predict against an OpenAI-compatible server', async () => {
    const versionResult = await runProcess('prelabel', ['--version'], { env: onPath() });
    expect(versionResult).toMatchObject({ code: 0, stdout: `${version}\n` });

    const out = path.join(work, 'predictions.json');
    const examples = path.join(prefix, 'lib', 'node_modules', 'prelabel', 'examples', 'sentiment');
    const predicted = await runProcess('prelabel', ['predict', '--label-config', path.join(examples, 'label-config.xml'), '--tasks', path.join(examples, 'tasks.json'), '--out', out], {
      cwd: work,
      env: onPath({ OPENAI_API_KEY: 'sk-package-test', OPENAI_BASE_URL: openai.baseURL, PRELABEL_DATA_DIR: path.join(work, 'data'), PRELABEL_PROJECTS_DIR: path.join(work, 'projects') }),
    });
    expect(predicted.stderr).toMatch(/prelabel predict: 3 tasks: 3 predicted \(0 with nothing to suggest\), 0 failed/);
    expect(predicted.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as Array<{ predictions: Array<{ result: Array<{ value: { choices: string[] } }> }> }>;
    expect(written.map((task) => task.predictions.at(-1)!.result[0]!.value.choices[0])).toEqual([expect.stringMatching(/^(Positive|Negative|Neutral)$/), expect.any(String), expect.any(String)]);
    expect(openai.requests.length).toBeGreaterThanOrEqual(3);
  });

  it('serves: prelabel serve answers GET /health', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    await new Promise((resolve) => holder.close(resolve));
    const child = spawn('prelabel', ['serve', '--port', String(port)], {
      cwd: work,
      env: onPath({ HOST: '127.0.0.1', LOG_LEVEL: 'ERROR', PRELABEL_DATA_DIR: path.join(work, 'serve-data'), PRELABEL_PROJECTS_DIR: work }),
      stdio: 'ignore',
    });
    try {
      let status = 0;
      for (let attempt = 0; attempt < 100 && status !== 200; attempt += 1) {
        status = await fetch(`http://127.0.0.1:${port}/health`).then((response) => response.status, () => 0);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  }, 30_000);
});
