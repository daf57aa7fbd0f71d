import { isRecord } from '../shared/is-record';
import { findCodeFences, unwrapCodeFence } from './find-code-fences';

type JsonObject = Record<string, unknown>;

/** Unclosed braces make the scan restart; this bounds the work on adversarial text. */
export const MAX_SCAN_STARTS = 50;

function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Where the object opening at `start` closes (before `end`), minding braces inside strings; -1 when it never closes. */
export function findClosingBrace(text: string, start: number, end: number = text.length): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < end; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') {
      inString = true;
    } else if (character === '{') {
      depth += 1;
    } else if (character === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/**
 * The first balanced top-level `{…}` in `text[from, end)` that `read` accepts (strict JSON), tried at no more than
 * `MAX_SCAN_STARTS` opening braces.
 */
export function findFirstBalancedObject<T>(
  text: string,
  read: (start: number, end: number) => T | undefined,
  from = 0,
  end = text.length,
): T | undefined {
  let start = text.indexOf('{', from);
  for (let attempt = 0; start !== -1 && start < end && attempt < MAX_SCAN_STARTS; attempt += 1) {
    const closing = findClosingBrace(text, start, end);
    if (closing === -1) {
      start = text.indexOf('{', start + 1);
      continue;
    }
    const object = read(start, closing + 1);
    if (object !== undefined) return object;
    start = text.indexOf('{', closing + 1);
  }
  return undefined;
}

/**
 * Where a model answer's JSON object is, read by `read` over a range of the text: the whole text, else the first
 * object inside a code fence, else the first amid prose. The one search order of prelabel's JSON reading.
 */
export function locateJsonObject<T>(text: string, read: (start: number, end: number) => T | undefined): T | undefined {
  const whole = read(0, text.length);
  if (whole !== undefined) return whole;
  for (const [start, end] of findCodeFences(text)) {
    const fenced = findFirstBalancedObject(text, read, start, end);
    if (fenced !== undefined) return fenced;
  }
  return findFirstBalancedObject(text, read);
}

/** The JSON object a model answer holds: the whole text, else inside a code fence, else amid prose. */
export function extractJsonObject(text: string): JsonObject | undefined {
  return locateJsonObject(text, (start, end) => parseJsonObject(text.slice(start, end)));
}

/** Any JSON value the text is, alone or as the whole contents of one code fence; undefined when it is not JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(unwrapCodeFence(text)) as unknown;
  } catch {
    return undefined;
  }
}
