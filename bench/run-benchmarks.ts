import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPredictions, type PredictionCheck } from './check-predictions';
import { createSentimentTasks, readSentimentProject, type LabelStudioTaskShape, type SentimentProject } from './create-sentiment-tasks';
import { findRepositoryRoot } from './find-repository-root';
import { formatTable } from './format-table';
import { readMachineCpuMilliseconds } from './read-machine-cpu-milliseconds';
import { readMachineFacts } from './read-machine-facts';
import { startFakeLanguageModel, type FakeLanguageModel, type FakeLanguageModelCounts, type FaultShares } from './start-fake-language-model';
import { killRunningServers, startPrelabelServer, type PrelabelServer, type ProcessMemory } from './start-prelabel-server';

const TARGETS = {
  /** Scenario 1: wall time over ceil(N / C) × latency. */
  wallOverIdeal: 1.1,
  /** Scenario 2: tasks a second with an instant model. */
  tasksPerSecond: 1_000,
  /** Scenario 3: a request answered entirely from the cache. */
  cachedWallSeconds: 0.3,
  /** Scenario 4: peak RSS with 10,000 tasks in one request. */
  largePeakRssMegabytes: 250,
};

/** The fault scenario: shares of provider calls (each attempt drawn again) that fail. */
const FAULTS: FaultShares = { rateLimited: 0.1, serverError: 0.05, hang: 0.02, retryAfterMs: 50 };
const FAULT_SEED = 20_240_601;
/** The fault scenario's project file: a short per-call timeout ends hung calls, and retries are quick. */
const FAULT_PROVIDER_TIMEOUT_MS = 2_000;
const FAULT_RETRY = { maxRetries: 3, initialDelayMs: 50, maxDelayMs: 400 };
/**
 * Scenario 6, the fault mix of issue 9: per call, 10% 429 (retry-after-ms 50), 5% 500, 2% hangs, 2% connection resets,
 * 4% broken JSON, 3% truncated answers (finish reason length), 5% out-of-set labels, against a model answering in
 * 50 ms. Default settings (timeout, retries, adaptive timeout, one repair call) but concurrency.
 */
const FAULT_MIX: FaultShares = { rateLimited: 0.1, serverError: 0.05, hang: 0.02, reset: 0.02, brokenJson: 0.04, truncated: 0.03, outOfSet: 0.05, retryAfterMs: 50 };
const FAULT_MIX_SEED = 20_261_204;
const FAULT_MIX_LATENCY_MS = 50;
const FAULT_MIX_TARGETS = { validShare: 0.98, wallSeconds: 100 };
const FAULT_MIX_VARIANTS = [
  { label: '6a', description: 'default settings (1 repair call)', projectLines: [] as string[] },
  { label: '6b', description: 'repair.max_attempts 2', projectLines: ['repair:', '  max_attempts: 2'] },
];
/** Far above any scenario's wall time: a task cut off by the deadline shows up as `incomplete`, never silently. */
const PREDICT_DEADLINE_MS = 240_000;
/** Below fetch's own 300 s wait for response headers. */
const REQUEST_TIMEOUT_MS = PREDICT_DEADLINE_MS + 30_000;
const SETUP_TIMEOUT_MS = 30_000;
/** The whole bench gives up (killing its servers) after this long. */
const WATCHDOG_MS = 20 * 60_000;
const MEGABYTE = 1024 * 1024;

type Verdict = 'PASS' | 'FAIL' | 'BROKEN' | '';

interface Figure {
  name: string;
  value: string;
  target?: string;
  verdict?: Verdict;
}

interface ScenarioReport {
  title: string;
  figures: Figure[];
  /** Wrong count, wrong order, an invalid result, a task that failed without a fault, or an exception. */
  broken: boolean;
  notes: string[];
}

interface BenchOptions {
  tasks: number;
  largeTasks: number;
  latencyMs: number;
  concurrency: number;
  logLevel: string;
  warmUpTasks: number;
  /** Extra `node` flags for every server, e.g. `--max-old-space-size=128`. */
  serverNodeOptions: string[];
  cpuProfile: boolean;
  keepTemporaryFiles: boolean;
  /** Tasks of scenario 6. */
  faultMixTasks: number;
  /** The scenarios to run (1 to 6; 2 runs with 3). */
  only: Set<number>;
}

interface Measurement {
  wallMs: number;
  serverCpuMs: number;
  benchCpuMs: number;
  /** CPU time used meanwhile by every other process on the machine. */
  otherCpuMs: number;
  memory: ProcessMemory;
  counts: FakeLanguageModelCounts;
  check: PredictionCheck;
  requestBytes: number;
}

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      tasks: { type: 'string', default: '1000' },
      'large-tasks': { type: 'string', default: '10000' },
      'latency-ms': { type: 'string', default: '100' },
      concurrency: { type: 'string', default: '32' },
      'log-level': { type: 'string', default: 'info' },
      'warm-up-tasks': { type: 'string', default: '0' },
      'server-node-option': { type: 'string', multiple: true, default: [] },
      'cpu-prof': { type: 'boolean', default: false },
      'keep-temp': { type: 'boolean', default: false },
      'fault-mix-tasks': { type: 'string', default: '500' },
      only: { type: 'string', default: '1,2,3,4,5,6' },
    },
    strict: true,
  });
  const integerOption = (name: string, text: string | undefined, minimum: number, maximum: number): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < minimum || value > maximum) throw new Error(`--${name} must be an integer from ${minimum} to ${maximum}`);
    return value;
  };
  return {
    tasks: integerOption('tasks', values.tasks, 1, 100_000),
    largeTasks: integerOption('large-tasks', values['large-tasks'], 1, 100_000),
    latencyMs: integerOption('latency-ms', values['latency-ms'], 0, 10_000),
    concurrency: integerOption('concurrency', values.concurrency, 1, 256),
    logLevel: values['log-level'] ?? 'info',
    warmUpTasks: integerOption('warm-up-tasks', values['warm-up-tasks'], 0, 100_000),
    serverNodeOptions: values['server-node-option'] ?? [],
    cpuProfile: values['cpu-prof'] ?? false,
    keepTemporaryFiles: values['keep-temp'] ?? false,
    faultMixTasks: integerOption('fault-mix-tasks', values['fault-mix-tasks'], 1, 100_000),
    only: new Set((values.only ?? '').split(',').map((text) => integerOption('only', text.trim(), 1, 6))),
  };
}

function commandLine(): string {
  const argumentsText = process.argv.slice(2).join(' ');
  if (process.env.npm_lifecycle_event === 'bench') return `npm run bench${argumentsText ? ` -- ${argumentsText}` : ''}`;
  return `node ${path.relative(process.cwd(), process.argv[1] ?? '')}${argumentsText ? ` ${argumentsText}` : ''}`;
}

/** The project file: production defaults (timeout, retries), or the fault scenario's short timeout and quick retries. */
function writeProjectFile(directory: string, concurrency: number, quickFailures: boolean, extraLines: string[]): void {
  mkdirSync(directory, { recursive: true });
  const lines = ['# written by npm run bench', 'default: true', 'provider:', '  model: gpt-4o-mini'];
  if (quickFailures) lines.push(`  timeout_ms: ${FAULT_PROVIDER_TIMEOUT_MS}`);
  lines.push(`concurrency: ${concurrency}`);
  if (quickFailures) {
    lines.push(
      'retry:',
      `  max_retries: ${FAULT_RETRY.maxRetries}`,
      `  initial_delay_ms: ${FAULT_RETRY.initialDelayMs}`,
      `  max_delay_ms: ${FAULT_RETRY.maxDelayMs}`,
    );
  }
  lines.push(...extraLines);
  writeFileSync(path.join(directory, 'bench.yaml'), `${lines.join('\n')}\n`);
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(3)} s`;
}

function megabytes(bytes: number): string {
  return `${(bytes / MEGABYTE).toFixed(1)} MB`;
}

function verdict(passed: boolean): Verdict {
  return passed ? 'PASS' : 'FAIL';
}

/** Every prediction accounted for; with `faultsExpected` false, every task must also be answered. */
function correctnessFigure(check: PredictionCheck, taskCount: number, faultsExpected: boolean): Figure {
  const sound = check.countRight && check.invalid === 0 && check.outOfOrder === 0;
  const complete = faultsExpected || check.empty === 0;
  const parts = [
    `${check.answered}/${taskCount} answered`,
    `${check.empty} empty${check.incomplete > 0 ? ` (${check.incomplete} cut off by the deadline)` : ''}`,
    `${check.invalid} invalid`,
    `${check.outOfOrder} out of order`,
  ];
  return {
    name: 'results (count, order, validity)',
    value: parts.join(', '),
    target: faultsExpected ? 'count+order right, each valid or empty' : 'all answered, in order, valid',
    verdict: sound && complete ? 'PASS' : 'BROKEN',
  };
}

/** Sets up the sentiment project on a server, as Label Studio's "Validate and Save" does. */
async function setUpProject(server: PrelabelServer, project: SentimentProject): Promise<string> {
  const answer = await server.post(
    '/setup',
    { project: project.project, schema: project.labelConfig, hostname: 'http://localhost:8080', access_token: 'bench', extra_params: null },
    SETUP_TIMEOUT_MS,
  );
  const modelVersion = (answer.body as { model_version?: unknown } | undefined)?.model_version;
  if (answer.status !== 200 || typeof modelVersion !== 'string') {
    throw new Error(`/setup answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return modelVersion;
}

/** One `POST /predict` with every task, timed from sending to the parsed answer. */
async function measurePredict(
  server: PrelabelServer,
  fake: FakeLanguageModel,
  project: SentimentProject,
  tasks: LabelStudioTaskShape[],
): Promise<Measurement> {
  const requestBody = JSON.stringify({
    tasks,
    project: project.project,
    label_config: project.labelConfig,
    params: { login: null, password: null, context: null },
  });
  const machineCpuBefore = readMachineCpuMilliseconds();
  const serverCpuBefore = server.readCpuMilliseconds();
  const benchCpuBefore = process.cpuUsage();
  const answer = await server.post('/predict', requestBody, REQUEST_TIMEOUT_MS);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const serverCpuMs = server.readCpuMilliseconds() - serverCpuBefore;
  const machineCpuMs = readMachineCpuMilliseconds() - machineCpuBefore;
  const memory = server.readMemory();
  if (answer.status !== 200) throw new Error(`/predict answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  const benchCpuMs = (benchCpu.user + benchCpu.system) / 1000;
  return {
    wallMs: answer.elapsedMs,
    serverCpuMs,
    benchCpuMs,
    otherCpuMs: Math.max(0, machineCpuMs - serverCpuMs - benchCpuMs),
    memory,
    counts: { ...fake.counts },
    check: checkPredictions(answer.body, tasks, project.labels),
    requestBytes: Buffer.byteLength(requestBody),
  };
}

/** Who used the CPU during the request: the server, the bench process (fake model and client), everything else. */
function loadFigures(measurement: Measurement): Figure[] {
  const { wallMs } = measurement;
  const share = (milliseconds: number) => `${milliseconds.toFixed(0)} ms (${((milliseconds / wallMs) * 100).toFixed(0)}% of one core)`;
  return [
    { name: 'CPU: server (all its threads)', value: share(measurement.serverCpuMs) },
    { name: 'CPU: bench process (fake model + client)', value: share(measurement.benchCpuMs) },
    { name: 'CPU: other processes on the machine', value: share(measurement.otherCpuMs) },
  ];
}

function problemNotes(check: PredictionCheck): string[] {
  return check.problems.map((problem) => `problem: ${problem}`);
}

function failedReport(title: string, error: unknown): ScenarioReport {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { title, figures: [{ name: 'error', value: message.split('\n')[0] ?? '', verdict: 'BROKEN' }], broken: true, notes: [message] };
}

/** A progress line on stderr, so that a long run shows where it is; the report itself goes to stdout. */
function announce(title: string): void {
  process.stderr.write(`bench: ${title}\n`);
}

function isBroken(figures: Figure[]): boolean {
  return figures.some((figure) => figure.verdict === 'BROKEN');
}

async function runBenchmarks(): Promise<number> {
  const options = readOptions();
  const repositoryRoot = findRepositoryRoot();
  const project = readSentimentProject();
  const temporaryRoot = mkdtempSync(path.join(os.tmpdir(), 'prelabel-bench-'));
  const profileDirectory = path.join(temporaryRoot, 'cpu-profiles');
  const machine = readMachineFacts();
  const reports: ScenarioReport[] = [];
  const fake = await startFakeLanguageModel();
  const servers = new Set<PrelabelServer>();
  let serverNumber = 0;

  const startServer = async (name: string, dataDirectory: string, quickFailures = false, extraLines: string[] = []): Promise<PrelabelServer> => {
    serverNumber += 1;
    const projectsDirectory = path.join(temporaryRoot, `projects-${serverNumber}-${name}`);
    writeProjectFile(projectsDirectory, options.concurrency, quickFailures, extraLines);
    const server = await startPrelabelServer({
      repositoryRoot,
      projectsDirectory,
      dataDirectory,
      openAIBaseURL: fake.baseURL,
      logFile: path.join(temporaryRoot, `server-${serverNumber}-${name}.log`),
      logLevel: options.logLevel,
      predictDeadlineMs: PREDICT_DEADLINE_MS,
      nodeArguments: [
        ...options.serverNodeOptions,
        ...(options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`, `--cpu-prof-name=${name}.cpuprofile`] : []),
      ],
    });
    servers.add(server);
    await setUpProject(server, project);
    return server;
  };
  const stopServer = async (server: PrelabelServer): Promise<void> => {
    servers.delete(server);
    await server.stop();
  };

  const { tasks: taskCount, latencyMs, concurrency } = options;
  /** With --warm-up-tasks, a first request of distinct tasks (not measured) so the measured one runs on warm JIT code. */
  let warmUpNumber = 9_000_000;
  const warmUp = async (server: PrelabelServer): Promise<void> => {
    if (options.warmUpTasks === 0) return;
    fake.configure({ latencyMs: 0 });
    await measurePredict(server, fake, project, createSentimentTasks(project, options.warmUpTasks, warmUpNumber));
    warmUpNumber += options.warmUpTasks;
  };
  try {
    // 1. Latency-bound: does concurrency turn N calls of `latency` into ceil(N / C) rounds?
    if (options.only.has(1)) {
      const title = `1. ${taskCount} tasks, ${latencyMs} ms latency, concurrency ${concurrency}`;
      announce(title);
      try {
        const server = await startServer('latency', path.join(temporaryRoot, 'data-latency'));
        await warmUp(server);
        fake.configure({ latencyMs });
        const measurement = await measurePredict(server, fake, project, createSentimentTasks(project, taskCount, 1_000_000));
        await stopServer(server);
        const idealMs = Math.ceil(taskCount / concurrency) * latencyMs;
        const ratio = idealMs > 0 ? measurement.wallMs / idealMs : Number.NaN;
        const figures: Figure[] = [
          { name: 'wall time', value: seconds(measurement.wallMs) },
          { name: 'ideal = ceil(N/C) × latency', value: seconds(idealMs) },
          { name: 'wall / ideal', value: ratio.toFixed(3), target: `≤ ${TARGETS.wallOverIdeal.toFixed(2)}`, verdict: verdict(ratio <= TARGETS.wallOverIdeal) },
          {
            name: 'speed-up over one at a time (N × latency / wall)',
            value: `${((taskCount * latencyMs) / measurement.wallMs).toFixed(1)}× (at most ${Math.min(taskCount, concurrency)}×)`,
          },
          { name: 'tasks/s', value: (taskCount / (measurement.wallMs / 1000)).toFixed(0) },
          { name: 'server peak RSS (VmHWM)', value: megabytes(measurement.memory.peakRssBytes) },
          { name: 'model calls', value: String(measurement.counts.calls) },
          ...loadFigures(measurement),
          correctnessFigure(measurement.check, taskCount, false),
        ];
        reports.push({ title, figures, broken: isBroken(figures), notes: problemNotes(measurement.check) });
      } catch (error) {
        reports.push(failedReport(title, error));
      }
    }

    // 2 and 3. Our own overhead with an instant model, then the same tasks from the cache (same server, then restarted).
    if (options.only.has(2) || options.only.has(3)) {
      const overheadTitle = `2. ${taskCount} tasks, 0 ms latency, concurrency ${concurrency}`;
      announce(overheadTitle);
      const dataDirectory = path.join(temporaryRoot, 'data-overhead');
      const tasks = createSentimentTasks(project, taskCount, 2_000_000);
      let server: PrelabelServer | undefined;
      try {
        server = await startServer('overhead', dataDirectory);
        await warmUp(server);
        fake.configure({ latencyMs: 0 });
        const measurement = await measurePredict(server, fake, project, tasks);
        const tasksPerSecond = taskCount / (measurement.wallMs / 1000);
        const figures: Figure[] = [
          { name: 'wall time', value: seconds(measurement.wallMs) },
          { name: 'per-task overhead (wall / N)', value: `${(measurement.wallMs / taskCount).toFixed(3)} ms` },
          { name: 'server CPU per task', value: `${(measurement.serverCpuMs / taskCount).toFixed(3)} ms` },
          { name: 'tasks/s', value: tasksPerSecond.toFixed(0), target: `≥ ${TARGETS.tasksPerSecond}`, verdict: verdict(tasksPerSecond >= TARGETS.tasksPerSecond) },
          { name: 'server peak RSS (VmHWM)', value: megabytes(measurement.memory.peakRssBytes) },
          { name: 'model calls', value: String(measurement.counts.calls) },
          ...loadFigures(measurement),
          correctnessFigure(measurement.check, taskCount, false),
        ];
        reports.push({ title: overheadTitle, figures, broken: isBroken(figures), notes: problemNotes(measurement.check) });
      } catch (error) {
        reports.push(failedReport(overheadTitle, error));
      }

      const cacheFigures = (measurement: Measurement): Figure[] => [
        {
          name: 'wall time',
          value: seconds(measurement.wallMs),
          target: `< ${TARGETS.cachedWallSeconds} s`,
          verdict: verdict(measurement.wallMs / 1000 < TARGETS.cachedWallSeconds),
        },
        { name: 'model calls in this run', value: String(measurement.counts.calls), target: '0', verdict: verdict(measurement.counts.calls === 0) },
        { name: 'tasks/s', value: (taskCount / (measurement.wallMs / 1000)).toFixed(0) },
        { name: 'server CPU per task', value: `${(measurement.serverCpuMs / taskCount).toFixed(3)} ms` },
        ...loadFigures(measurement),
        correctnessFigure(measurement.check, taskCount, false),
      ];
      const sameServerTitle = `3a. scenario 2's tasks again, same server (cache)`;
      announce(sameServerTitle);
      try {
        if (server === undefined) throw new Error('scenario 2 did not start its server');
        fake.configure({ latencyMs: 0 });
        const measurement = await measurePredict(server, fake, project, tasks);
        const figures = cacheFigures(measurement);
        reports.push({ title: sameServerTitle, figures, broken: isBroken(figures), notes: problemNotes(measurement.check) });
      } catch (error) {
        reports.push(failedReport(sameServerTitle, error));
      } finally {
        if (server) await stopServer(server);
      }
      const restartedTitle = `3b. scenario 2's tasks again, new server, same data dir`;
      announce(restartedTitle);
      try {
        const restarted = await startServer('cache-restarted', dataDirectory);
        fake.configure({ latencyMs: 0 });
        const measurement = await measurePredict(restarted, fake, project, tasks);
        await stopServer(restarted);
        const figures = cacheFigures(measurement);
        reports.push({ title: restartedTitle, figures, broken: isBroken(figures), notes: problemNotes(measurement.check) });
      } catch (error) {
        reports.push(failedReport(restartedTitle, error));
      }
    }

    // 4. Memory: one request of many tasks, on a fresh process so that VmHWM is this request's.
    if (options.only.has(4)) {
      const title = `4. ${options.largeTasks} tasks in one request, 0 ms latency`;
      announce(title);
      try {
        const server = await startServer('large', path.join(temporaryRoot, 'data-large'));
        const idle = server.readMemory();
        fake.configure({ latencyMs: 0 });
        const measurement = await measurePredict(server, fake, project, createSentimentTasks(project, options.largeTasks, 4_000_000));
        await stopServer(server);
        const peakMegabytes = measurement.memory.peakRssBytes / MEGABYTE;
        const figures: Figure[] = [
          {
            name: 'server peak RSS (VmHWM)',
            value: megabytes(measurement.memory.peakRssBytes),
            target: `< ${TARGETS.largePeakRssMegabytes} MB`,
            verdict: verdict(peakMegabytes < TARGETS.largePeakRssMegabytes),
          },
          { name: 'server RSS after /setup, before /predict', value: megabytes(idle.rssBytes) },
          { name: 'server RSS after /predict', value: megabytes(measurement.memory.rssBytes) },
          { name: 'request body', value: megabytes(measurement.requestBytes) },
          { name: 'wall time', value: seconds(measurement.wallMs) },
          { name: 'tasks/s', value: (options.largeTasks / (measurement.wallMs / 1000)).toFixed(0) },
          { name: 'server CPU per task', value: `${(measurement.serverCpuMs / options.largeTasks).toFixed(3)} ms` },
          ...loadFigures(measurement),
          correctnessFigure(measurement.check, options.largeTasks, false),
        ];
        reports.push({ title, figures, broken: isBroken(figures), notes: problemNotes(measurement.check) });
      } catch (error) {
        reports.push(failedReport(title, error));
      }
    }

    // 5. Faults: every task must end valid or empty, in order, one prediction each.
    if (options.only.has(5)) {
      const faultsText = `${FAULTS.rateLimited * 100}% 429 (retry-after-ms ${FAULTS.retryAfterMs}), ${FAULTS.serverError * 100}% 500, ${FAULTS.hang * 100}% hangs`;
      const title = `5. ${taskCount} tasks, ${latencyMs} ms latency, faults`;
      announce(title);
      try {
        const server = await startServer('faults', path.join(temporaryRoot, 'data-faults'), true);
        await warmUp(server);
        fake.configure({ latencyMs, faults: FAULTS, seed: FAULT_SEED });
        const measurement = await measurePredict(server, fake, project, createSentimentTasks(project, taskCount, 5_000_000));
        await stopServer(server);
        const { counts, check } = measurement;
        const figures: Figure[] = [
          { name: 'faults drawn per call', value: faultsText },
          correctnessFigure(check, taskCount, true),
          { name: 'tasks ended empty', value: `${check.empty} of ${taskCount}` },
          {
            name: 'model calls: answered / 429 / 500 / hung',
            value: `${counts.calls}: ${counts.answered} / ${counts.rateLimited} / ${counts.serverErrors} / ${counts.hangs}`,
          },
          { name: 'wall time', value: seconds(measurement.wallMs) },
          { name: 'ideal without faults', value: seconds(Math.ceil(taskCount / concurrency) * latencyMs) },
          { name: 'server peak RSS (VmHWM)', value: megabytes(measurement.memory.peakRssBytes) },
          ...loadFigures(measurement),
        ];
        const notes = problemNotes(check);
        if (check.empty > 0) notes.push(`${check.empty} empty: see "task failed" lines in server-*-faults.log`);
        reports.push({ title, figures, broken: isBroken(figures), notes });
      } catch (error) {
        reports.push(failedReport(title, error));
      }
    }

    // 6. The fault mix of issue 9: transport faults, hangs and unusable answers; at least 98% valid, none invalid.
    // 6a runs every setting default (one repair call); 6b allows two repair calls (repair.max_attempts: 2).
    for (const variant of FAULT_MIX_VARIANTS) {
      if (!options.only.has(6)) break;
      const count = options.faultMixTasks;
      const title = `${variant.label}. ${count} tasks, ${FAULT_MIX_LATENCY_MS} ms latency, fault mix, ${variant.description}`;
      announce(title);
      try {
        const server = await startServer(`fault-mix-${variant.label}`, path.join(temporaryRoot, `data-fault-mix-${variant.label}`), false, variant.projectLines);
        await warmUp(server);
        fake.configure({ latencyMs: FAULT_MIX_LATENCY_MS, faults: FAULT_MIX, seed: FAULT_MIX_SEED });
        const measurement = await measurePredict(server, fake, project, createSentimentTasks(project, count, 6_000_000));
        await stopServer(server);
        const { counts, check } = measurement;
        const validShare = check.answered / count;
        const wallSeconds = measurement.wallMs / 1000;
        const percent = (share: number | undefined) => `${((share ?? 0) * 100).toFixed(0)}%`;
        const figures: Figure[] = [
          {
            name: 'faults drawn per call',
            value: `${percent(FAULT_MIX.rateLimited)} 429 (retry-after-ms ${FAULT_MIX.retryAfterMs}), ${percent(FAULT_MIX.serverError)} 500, ${percent(FAULT_MIX.hang)} hangs, ${percent(FAULT_MIX.reset)} resets, ${percent(FAULT_MIX.brokenJson)} broken JSON, ${percent(FAULT_MIX.truncated)} truncated, ${percent(FAULT_MIX.outOfSet)} out-of-set labels`,
          },
          correctnessFigure(check, count, true),
          {
            name: 'tasks valid (the right label)',
            value: `${check.answered} of ${count} (${(validShare * 100).toFixed(1)}%)`,
            target: `≥ ${FAULT_MIX_TARGETS.validShare * 100}%`,
            verdict: verdict(validShare >= FAULT_MIX_TARGETS.validShare),
          },
          { name: 'tasks ended empty', value: `${check.empty} of ${count}${check.incomplete > 0 ? ` (${check.incomplete} cut off by the deadline)` : ''}` },
          {
            name: 'wall time',
            value: seconds(measurement.wallMs),
            target: `< ${FAULT_MIX_TARGETS.wallSeconds} s`,
            verdict: verdict(wallSeconds < FAULT_MIX_TARGETS.wallSeconds),
          },
          { name: 'ideal without faults', value: seconds(Math.ceil(count / concurrency) * FAULT_MIX_LATENCY_MS) },
          {
            name: 'model calls: 200 / 429 / 500 / hung / reset',
            value: `${counts.calls}: ${counts.answered} / ${counts.rateLimited} / ${counts.serverErrors} / ${counts.hangs} / ${counts.resets}`,
          },
          {
            name: 'unusable 200s: broken JSON / truncated / out-of-set',
            value: `${counts.brokenJson} / ${counts.truncated} / ${counts.outOfSet}`,
          },
          { name: 'repair calls (conversation with an assistant turn)', value: String(counts.repairCalls) },
          { name: 'server peak RSS (VmHWM)', value: megabytes(measurement.memory.peakRssBytes) },
          ...loadFigures(measurement),
        ];
        const notes = problemNotes(check);
        if (check.empty > 0) notes.push(`${check.empty} empty: see "task failed" and "repair call" lines in server-*-fault-mix-${variant.label}.log`);
        reports.push({ title, figures, broken: isBroken(figures), notes });
      } catch (error) {
        reports.push(failedReport(title, error));
      }
    }
  } finally {
    for (const server of [...servers]) await stopServer(server);
    await fake.close();
  }

  const broken = reports.some((report) => report.broken);
  const rows = reports.flatMap((report) =>
    report.figures.map((figure, index) => [index === 0 ? report.title : '', figure.name, figure.value, figure.target ?? '', figure.verdict ?? '']),
  );
  const lines = [
    `command: ${commandLine()}`,
    `machine: Node ${machine.node}, ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGigabytes} GB, ${machine.kernel}`,
    `load average before: ${machine.loadAverage}; after: ${readMachineFacts().loadAverage}`,
    `server: node ${[...options.serverNodeOptions, ''].join(' ')}dist/server/main.js, LOG_LEVEL=${options.logLevel}; project file: model gpt-4o-mini, concurrency ${concurrency}, other settings default, except scenario 5: provider.timeout_ms ${FAULT_PROVIDER_TIMEOUT_MS}, retry.max_retries ${FAULT_RETRY.maxRetries}, retry.initial_delay_ms ${FAULT_RETRY.initialDelayMs}, retry.max_delay_ms ${FAULT_RETRY.maxDelayMs}; scenario 6: every other setting default (timeout_ms 60000, 3 retries from 500 ms, adaptive timeout 4 × p95 with a 5 s floor, 1 repair call), 6b: repair.max_attempts 2`,
    `fake model: in the bench process, answers after one setTimeout(latency); measured requests follow ${options.warmUpTasks === 0 ? 'only /setup (cold JIT)' : `a warm-up request of ${options.warmUpTasks} tasks (scenarios 1, 2, 5)`}`,
    '',
    formatTable(['scenario', 'figure', 'value', 'target', 'result'], rows),
    '',
    ...reports.flatMap((report) => report.notes.map((note) => `${report.title.split(' ')[0]} ${note}`)),
  ];
  if (options.cpuProfile) lines.push(`CPU profiles (one per server, written when it exits): ${profileDirectory}`);
  const keep = options.keepTemporaryFiles || broken || options.cpuProfile;
  lines.push(keep ? `temporary files and server logs kept in ${temporaryRoot}` : 'temporary files removed (--keep-temp keeps them)');
  lines.push(broken ? 'BROKEN: a result was missing, out of order or invalid (or a scenario failed to run); exit code 1' : 'no broken results; exit code 0');
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!keep) rmSync(temporaryRoot, { recursive: true, force: true });
  return broken ? 1 : 0;
}

process.once('exit', killRunningServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killRunningServers();
    process.stderr.write(`bench: ${signal}, servers killed\n`);
    process.exit(130);
  });
}
const watchdog = setTimeout(() => {
  killRunningServers();
  process.stderr.write(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; servers killed\n`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

runBenchmarks().then(
  (exitCode) => {
    process.exitCode = exitCode;
    clearTimeout(watchdog);
  },
  (error: unknown) => {
    killRunningServers();
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
    clearTimeout(watchdog);
  },
);
