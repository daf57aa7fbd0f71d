import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPOSITORY_ROOT = path.join(__dirname, '..', '..');
export const BUILT_CLI = path.join(REPOSITORY_ROOT, 'dist', 'cli', 'main.js');
export const BUILT_SERVER = path.join(REPOSITORY_ROOT, 'dist', 'server', 'main.js');
/** Written by every (incremental) build, unlike the output files, which tsc rewrites only when their source changed. */
const BUILD_INFO = path.join(REPOSITORY_ROOT, 'dist', 'tsconfig.build.tsbuildinfo');

const SOURCE_FOLDERS = ['core', 'providers', 'tasks', 'server', 'config', 'cli'];

function newestSourceTime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Tests that run prelabel as users do (`node dist/...`) need dist/ to match the sources. `npm ci` builds it
 * (`prepare`); after an edit, this builds again (incrementally) before the tests spawn anything.
 */
export function ensureBuilt(): void {
  let builtAt = 0;
  try {
    statSync(BUILT_CLI);
    builtAt = statSync(BUILD_INFO).mtimeMs;
  } catch {
    builtAt = 0;
  }
  const sourcesAt = Math.max(...SOURCE_FOLDERS.map((folder) => newestSourceTime(path.join(REPOSITORY_ROOT, folder))));
  if (builtAt >= sourcesAt) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop (fake servers in this process must keep answering). */
export function runProcess(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? REPOSITORY_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The environment a spawned prelabel gets: nothing inherited that could change its behaviour (keys, LOG_LEVEL). */
export function isolatedEnvironment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', TERM: 'xterm-256color', ...extra };
}

/** Removes terminal control sequences (colours, cursor moves, DEC save/restore) from raw terminal output. */
export function stripTerminalControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\x1b[78]/g, '');
}
