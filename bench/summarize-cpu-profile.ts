import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from './format-table';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const MOST_ROWS = 25;

/** Where a frame's code lives: a package under node_modules, a folder of prelabel's dist/, node (fetch apart), or V8. */
function placeOf(url: string): string {
  if (url === '') return '(V8 / native: GC, idle, compiled code)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return `package ${packageMatch[1]}`;
  if (url.includes('internal/deps/undici')) return 'node fetch (undici)';
  if (url.startsWith('node:internal/')) return `node internal/${url.slice('node:internal/'.length).split('/')[0]}`;
  if (url.startsWith('node:')) return `node ${url.slice('node:'.length)}`;
  const distMatch = /\/dist\/([^/]+)\//.exec(url);
  if (distMatch) return `prelabel ${distMatch[1]}/`;
  return path.basename(url);
}

function percent(part: number, total: number): string {
  return `${((part / total) * 100).toFixed(1)}%`;
}

/**
 * The CPU profile (`node --cpu-prof`) of a prelabel server, summed up: self time by function, and inclusive time by
 * place (package, prelabel folder, node module), i.e. the share of samples with that place anywhere on the stack, and
 * self time by owner: node internals and native code charged to the innermost package or prelabel code that called
 * them. The profile covers the server's whole life, start-up included.
 */
export function summarizeCpuProfile(file: string, window: { fromMs?: number; toMs?: number } = {}): string {
  const fromMs = window.fromMs ?? 0;
  const toMs = window.toMs ?? Number.POSITIVE_INFINITY;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfTime = new Map<string, number>();
  const placeTime = new Map<string, number>();
  const ownerTime = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let elapsedMs = 0;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    elapsedMs += delta;
    const node = nodes.get(profile.samples[index] as number);
    if (!node || elapsedMs < fromMs || elapsedMs > toMs) continue;
    total += delta;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') idle += delta;
    const key = `${functionName || '(anonymous)'}  ${url ? `${placeOf(url)} ${path.basename(url)}:${lineNumber + 1}` : ''}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
    const places = new Set<string>();
    let owner: string | undefined;
    for (let current: number | undefined = node.id, depth = 0; current !== undefined && depth < 1_000; current = parents.get(current), depth += 1) {
      const frame = nodes.get(current)?.callFrame;
      if (!frame || frame.url === '') continue;
      const place = placeOf(frame.url);
      places.add(place);
      if (owner === undefined && (place.startsWith('package ') || place.startsWith('prelabel ') || place === 'node fetch (undici)')) owner = place;
    }
    for (const place of places) placeTime.set(place, (placeTime.get(place) ?? 0) + delta);
    if (functionName !== '(idle)') {
      const ownerKey = owner ?? (url === '' ? functionName || '(native)' : placeOf(url));
      ownerTime.set(ownerKey, (ownerTime.get(ownerKey) ?? 0) + delta);
    }
  }
  const busy = total - idle;
  const top = (entries: Map<string, number>) => [...entries].sort((left, right) => right[1] - left[1]).slice(0, MOST_ROWS);
  return [
    `${file}: ${elapsedMs.toFixed(0)} ms profiled; from ${fromMs} ms to ${Number.isFinite(toMs) ? `${toMs} ms` : 'the end'}: ${total.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms busy (not idle)`,
    '',
    formatTable(
      ['owner: innermost package, prelabel folder or fetch on the stack (self time, sums to busy)', 'ms', 'of busy'],
      top(ownerTime).map(([owner, milliseconds]) => [owner, milliseconds.toFixed(0), percent(milliseconds, busy)]),
    ),
    '',
    formatTable(
      ['place on the stack (inclusive)', 'ms', 'of busy'],
      top(placeTime).map(([place, milliseconds]) => [place, milliseconds.toFixed(0), percent(milliseconds, busy)]),
    ),
    '',
    formatTable(
      ['function (self time)', 'ms', 'of busy'],
      top(selfTime)
        .filter(([key]) => !key.startsWith('(idle)'))
        .map(([key, milliseconds]) => [key, milliseconds.toFixed(0), percent(milliseconds, busy)]),
    ),
  ].join('\n');
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    options: { 'from-ms': { type: 'string' }, 'to-ms': { type: 'string' } },
    allowPositionals: true,
  });
  const window = {
    fromMs: values['from-ms'] === undefined ? undefined : Number(values['from-ms']),
    toMs: values['to-ms'] === undefined ? undefined : Number(values['to-ms']),
  };
  if (positionals.length === 0) {
    process.stderr.write('usage: node bench/.build/bench/summarize-cpu-profile.js [--from-ms N] [--to-ms N] <file.cpuprofile>...\n');
    process.exitCode = 2;
  }
  for (const file of positionals) process.stdout.write(`${summarizeCpuProfile(file, window)}\n\n`);
}
