import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, type BrotliDecompress, type Gunzip, type Inflate } from 'node:zlib';
import type { Context, Middleware } from 'koa';
import { ProjectConfigError, RequestInvalidError } from '../../core/errors';

declare module 'koa' {
  interface Request {
    /** The parsed JSON body (see createJsonBodyParser). */
    body?: unknown;
  }
}

/** Deeper JSON is refused: Label Studio's payloads nest about ten levels, and recursive code (logging) must not overflow. */
export const MAX_JSON_DEPTH = 100;

/**
 * A compressed body may decode to at most this many times its compressed size (JSON compresses about 5 to 20 times),
 * once past `RATIO_FREE_BYTES`: a 200 KB gzip bomb stops at 20 MB instead of inflating up to the body limit.
 */
export const MAX_DECODING_RATIO = 100;
const RATIO_FREE_BYTES = 1024 * 1024;

const PARSED_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `100mb`, `512kb`, `1048576` → bytes (multiples of 1024, as the `bytes` package reads them). */
export function parseByteSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!match) throw new ProjectConfigError([`the body limit (PRELABEL_BODY_LIMIT) "${text}" is not a size such as 100mb, 512kb or 1048576`]);
  return Math.floor(Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] as number));
}

type Decoder = Gunzip | Inflate | BrotliDecompress;

function createDecoder(context: Context, encoding: string): Decoder | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return context.throw(415, `Content-Encoding "${encoding}" is not supported (use gzip, deflate, br or none)`);
  }
}

/**
 * Reads the body, decoding its Content-Encoding, and stops as soon as the bytes received or the bytes decoded pass the
 * limit, or the decoded bytes pass `MAX_DECODING_RATIO` times the compressed ones: a small compressed body is never
 * inflated past either bound. A body that does not decode is a 400.
 */
function readBody(context: Context, limit: number): Promise<string> {
  const request = context.req;
  const encoding = (context.get('content-encoding') || 'identity').trim().toLowerCase();
  const declaredLength = Number(context.get('content-length') || Number.NaN);
  if (declaredLength > limit) context.throw(413, `the request body is larger than the limit of ${limit} bytes`);
  const decoder = createDecoder(context, encoding);
  const source: Readable = decoder ?? request;

  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    let settled = false;
    const finish = (error: unknown, text?: string) => {
      if (settled) return;
      settled = true;
      request.off('data', onReceived);
      source.off('data', onDecoded);
      if (error === undefined) return resolve(text as string);
      // Stop reading and inflating: the rest of the body is neither decoded nor kept.
      if (decoder) {
        request.unpipe(decoder);
        decoder.destroy();
      }
      request.pause();
      reject(error);
    };
    const refuse = (message: string) => finish(Object.assign(new Error(message), { status: 413, expose: true }));
    const tooLarge = () => refuse(`the request body${decoder ? ' (decoded)' : ''} is larger than the limit of ${limit} bytes`);
    const onReceived = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) tooLarge();
    };
    const onDecoded = (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > limit) tooLarge();
      else if (decoder && decoded > RATIO_FREE_BYTES && decoded > received * MAX_DECODING_RATIO) {
        refuse(`the request body decodes to more than ${MAX_DECODING_RATIO} times its ${encoding}-compressed size (${received} bytes)`);
      } else chunks.push(chunk);
    };
    request.on('data', onReceived);
    source.on('data', onDecoded);
    source.on('end', () => finish(undefined, Buffer.concat(chunks).toString('utf8')));
    const aborted = () => finish(new RequestInvalidError('the request was aborted before its body arrived'));
    request.on('aborted', aborted);
    request.on('close', () => {
      if (!request.complete) aborted();
    });
    request.on('error', (error) => finish(new RequestInvalidError(`the request body could not be read: ${error.message}`, { cause: error })));
    decoder?.on('error', (error) =>
      finish(new RequestInvalidError(`the request body is not valid ${encoding} (its Content-Encoding): ${error.message}`, { cause: error })),
    );
    if (decoder) request.pipe(decoder);
  });
}

/** The deepest nesting of a parsed JSON value, counted without recursion; stops counting past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop() as { value: unknown; depth: number };
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: depth + 1 });
    }
  }
  return deepest;
}

/** The first `__proto__` key anywhere in a parsed JSON value, found without recursion. */
function hasPrototypeKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null) continue;
    if (!Array.isArray(current) && Object.hasOwn(current, '__proto__')) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return false;
}

/** JSON text → an object or array; anything else, over-deep nesting or a `__proto__` key is a 400 naming the problem. */
export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (text === '') return {};
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') throw new RequestInvalidError('the request body is not valid JSON: only an object or an array is accepted');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RequestInvalidError(`the request body is not valid JSON: ${(error as Error).message}`);
  }
  if (depthOf(parsed, maxDepth) > maxDepth) throw new RequestInvalidError(`the request body nests JSON deeper than ${maxDepth} levels`);
  if (hasPrototypeKey(parsed)) throw new RequestInvalidError('the request body has a "__proto__" key, which prelabel refuses');
  return parsed;
}

/**
 * Parses JSON bodies of POST, PUT and PATCH into `context.request.body` (`{}` for other content types, as before).
 * The limit bounds the body as received and as decoded, while it is read.
 */
export function createJsonBodyParser(options: { limit: string }): Middleware {
  const limit = parseByteSize(options.limit);
  return async (context, next) => {
    if (!PARSED_METHODS.has(context.method) || context.request.body !== undefined) return next();
    if (!context.request.is('json', '+json')) {
      context.request.body = {};
      return next();
    }
    context.request.body = parseJsonBody(await readBody(context, limit));
    return next();
  };
}
