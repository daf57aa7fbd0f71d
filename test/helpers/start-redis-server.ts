import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REDIS_SERVER = 'redis-server';
const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MILLISECONDS = 10_000;
const STOP_TIMEOUT_MILLISECONDS = 5_000;

export interface RunningRedisServer {
  port: number;
  url: string;
  /** Stops the server (SIGTERM, then SIGKILL) and waits for it to exit; safe to call twice. */
  stop(): Promise<void>;
  /** SIGSTOP: the connection stays open, nothing answers. */
  freeze(): void;
  /** Lets a frozen server answer again. */
  thaw(): void;
}

export function isRedisServerInstalled(): boolean {
  const probe = spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port });
    let received = '';
    const finish = (answered: boolean): void => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      if (received.includes('\r\n')) finish(received.startsWith('+PONG'));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilAnswering(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MILLISECONDS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`redis-server exited during startup (code ${child.exitCode}, signal ${child.signalCode}):\n${output()}`);
    }
    if (await answersPing(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on ${HOST}:${port} within ${STARTUP_TIMEOUT_MILLISECONDS} ms:\n${output()}`);
}

/** A throwaway redis-server on 127.0.0.1 without persistence; on a free port unless one is given (a restart). */
export async function startRedisServer(options: { port?: number } = {}): Promise<RunningRedisServer> {
  if (options.port !== undefined) return launchRedisServer(options.port);
  const attempts = 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchRedisServer(await findFreePort());
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}

async function launchRedisServer(port: number): Promise<RunningRedisServer> {
  const directory = mkdtempSync(join(tmpdir(), 'prelabel-redis-'));
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', directory, '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const spawnFailure = new Promise<never>((_, reject) => child.once('error', reject));
  spawnFailure.catch(() => undefined);
  try {
    await Promise.race([waitUntilAnswering(child, port, () => output), spawnFailure]);
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MILLISECONDS);
    await waitForExit(child);
    clearTimeout(killer);
    rmSync(directory, { recursive: true, force: true });
  };
  return {
    port,
    url: `redis://${HOST}:${port}`,
    stop: () => (stopping ??= stop()),
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
  };
}
