import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readClockTicksPerSecond } from './read-clock-ticks-per-second';

export interface PrelabelServerOptions {
  repositoryRoot: string;
  projectsDirectory: string;
  dataDirectory: string;
  /** The fake model's base URL (OPENAI_BASE_URL). */
  openAIBaseURL: string;
  /** The server's stdout and stderr (JSON log lines) go here. */
  logFile: string;
  logLevel: string;
  predictDeadlineMs: number;
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  nodeArguments?: string[];
}

export interface ProcessMemory {
  /** VmHWM: the peak resident set size since the process started. */
  peakRssBytes: number;
  /** VmRSS: the resident set size now. */
  rssBytes: number;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  /** From sending the request to the last byte of the answer (parsing the JSON not included). */
  elapsedMs: number;
}

export interface PrelabelServer {
  readonly url: string;
  readonly pid: number;
  /** A JSON POST; a string body is sent as it is (already serialised). */
  post(route: string, body: unknown, timeoutMs: number): Promise<HttpAnswer>;
  readMemory(): ProcessMemory;
  /** User plus system CPU time the process has used so far, in milliseconds (every thread). */
  readCpuMilliseconds(): number;
  /** SIGTERM (the server closes and exits), then SIGKILL if it has not exited within a few seconds. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 20_000;
const READY_POLL_MS = 50;
const STOP_TIMEOUT_MS = 5_000;
const KILL_TIMEOUT_MS = 2_000;

/** Every child still running, so that the bench kills them whatever happens. */
const runningChildren = new Set<ChildProcess>();

/** Kills every prelabel server child at once (for exit and signal handlers, where nothing can be awaited). */
export function killRunningServers(): void {
  for (const child of runningChildren) child.kill('SIGKILL');
  runningChildren.clear();
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function readStatusKilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc status has no ${field}`);
  return Number(match[1]) * 1024;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

function readLogTail(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * The real prelabel server (`node dist/server/main.js`, built by `npm run build`) as a child process on a free
 * 127.0.0.1 port, with its own projects and data folders; resolves once `GET /health` answers.
 */
export async function startPrelabelServer(options: PrelabelServerOptions): Promise<PrelabelServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const logDescriptor = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), path.join('dist', 'server', 'main.js')], {
    cwd: options.repositoryRoot,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? options.dataDirectory,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPENAI_BASE_URL: options.openAIBaseURL,
      OPENAI_API_KEY: 'sk-bench-fake',
      PRELABEL_PROJECTS_DIR: options.projectsDirectory,
      PRELABEL_DATA_DIR: options.dataDirectory,
      PRELABEL_PREDICT_DEADLINE_MS: String(options.predictDeadlineMs),
      LOG_LEVEL: options.logLevel,
    },
    stdio: ['ignore', logDescriptor, logDescriptor],
  });
  closeSync(logDescriptor);
  runningChildren.add(child);
  child.once('exit', () => runningChildren.delete(child));
  const pid = child.pid;

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, KILL_TIMEOUT_MS);
      }
    }
    runningChildren.delete(child);
  }

  if (pid === undefined) {
    await stop();
    throw new Error(`could not start the prelabel server: ${readLogTail(options.logFile)}`);
  }

  const startedAt = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the prelabel server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${readLogTail(options.logFile)}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - startedAt > READY_TIMEOUT_MS) {
      await stop();
      throw new Error(`the prelabel server was not ready within ${READY_TIMEOUT_MS} ms:\n${readLogTail(options.logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }

  return {
    url,
    pid,
    async post(route, body, timeoutMs) {
      const startedAt = performance.now();
      const response = await fetch(`${url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      const elapsedMs = performance.now() - startedAt;
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, elapsedMs };
    },
    readMemory() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return { peakRssBytes: readStatusKilobytes(status, 'VmHWM'), rssBytes: readStatusKilobytes(status, 'VmRSS') };
    },
    readCpuMilliseconds() {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      return (ticks * 1000) / readClockTicksPerSecond();
    },
    stop,
  };
}
