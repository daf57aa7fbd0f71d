import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { createChatCompletionBody } from '../test/fake-openai-server/create-chat-completion-body';
import { createOpenAIErrorBody } from '../test/fake-openai-server/create-openai-error-body';
import { createSchemaAnswer } from '../test/fake-openai-server/create-schema-answer';
import { createRandomGenerator } from './create-random-generator';
import { readTaskNumber } from './create-sentiment-tasks';

/** Shares of provider calls (0 to 1, drawn per call, so a retry can fail again) that go wrong. */
export interface FaultShares {
  /** A 429 with `retry-after-ms: retryAfterMs` (and `retry-after: 1`, as OpenAI sends both), at once. */
  rateLimited: number;
  /** A 500 after the latency. */
  serverError: number;
  /** No answer at all: the connection stays open until the client gives up. */
  hang: number;
  retryAfterMs: number;
  /** The connection is destroyed after the latency, without an answer (ECONNRESET). */
  reset?: number;
  /** A 200 whose content is the first half of the JSON answer, finish reason `stop`. */
  brokenJson?: number;
  /** A 200 whose content is the first half of the JSON answer, finish reason `length`. */
  truncated?: number;
  /** A 200 whose JSON answer names a label that is not in the schema (each label + "-ish"). */
  outOfSet?: number;
}

export const NO_FAULTS: FaultShares = { rateLimited: 0, serverError: 0, hang: 0, retryAfterMs: 0 };

export interface FakeLanguageModelCounts {
  /** Every `POST /v1/chat/completions`, whatever its answer. */
  calls: number;
  answered: number;
  rateLimited: number;
  serverErrors: number;
  hangs: number;
  resets: number;
  /** Answers sent broken (cut JSON), truncated (`length`) or with an out-of-set label. */
  brokenJson: number;
  truncated: number;
  outOfSet: number;
  /** Calls whose conversation holds an assistant message: prelabel's repair calls. */
  repairCalls: number;
}

export interface FakeLanguageModel {
  /** `http://127.0.0.1:PORT/v1`, for OPENAI_BASE_URL. */
  readonly baseURL: string;
  readonly counts: Readonly<FakeLanguageModelCounts>;
  /** Sets the latency and the faults of the next calls and zeroes the counts. */
  configure(settings: { latencyMs: number; faults?: FaultShares; seed?: number }): void;
  close(): Promise<void>;
}

type Schema = Record<string, unknown>;

/** The schema with every `enum` rotated left by `steps`, so that its first value (the one answered) varies. */
function rotateEnums(schema: unknown, steps: number): unknown {
  if (Array.isArray(schema)) return schema.map((item) => rotateEnums(item, steps));
  if (typeof schema !== 'object' || schema === null) return schema;
  const rotated: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'enum' && Array.isArray(value) && value.length > 0) {
      const shift = steps % value.length;
      rotated[key] = [...value.slice(shift), ...value.slice(0, shift)];
    } else {
      rotated[key] = rotateEnums(value, steps);
    }
  }
  return rotated;
}

function promptTextOf(body: ChatCompletionCreateParams): string {
  return body.messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n');
}

/**
 * The answer the fake gives: for a json_schema request, the simplest valid value (test/fake-openai-server's
 * createSchemaAnswer) of the schema with its enums rotated by the task number found in the prompt ("Review 17:"),
 * so that consecutive tasks get different labels and the bench can check the order of the results.
 */
export function answerForRequest(body: ChatCompletionCreateParams): string {
  const responseFormat = body.response_format;
  if (responseFormat?.type !== 'json_schema') return responseFormat?.type === 'json_object' ? '{}' : 'OK';
  const taskNumber = readTaskNumber(promptTextOf(body)) ?? 0;
  const schema = (responseFormat.json_schema.schema ?? {}) as Schema;
  return JSON.stringify(createSchemaAnswer(rotateEnums(schema, taskNumber) as Schema));
}

/** The answer with every label renamed to one the schema does not have. */
function withOutOfSetLabels(answer: string): string {
  const rename = (value: unknown): unknown =>
    typeof value === 'string' ? `${value}-ish` : Array.isArray(value) ? value.map(rename) : value;
  const object = JSON.parse(answer) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(object).map(([key, value]) => [key, rename(value)])));
}

function sendJson(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.writableEnded) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'x-request-id': 'req_bench',
    'openai-processing-ms': '1',
    ...headers,
  });
  response.end(text);
}

function emptyCounts(): FakeLanguageModelCounts {
  return { calls: 0, answered: 0, rateLimited: 0, serverErrors: 0, hangs: 0, resets: 0, brokenJson: 0, truncated: 0, outOfSet: 0, repairCalls: 0 };
}

/**
 * A lean OpenAI Chat Completions server on 127.0.0.1 for benchmarks: the real wire format (bodies built by
 * test/fake-openai-server), a fixed latency (one setTimeout per call, no queue), seeded faults, and counters only:
 * unlike the test fake it records no requests, so its work and memory per call stay constant however long it runs.
 */
export async function startFakeLanguageModel(): Promise<FakeLanguageModel> {
  let latencyMs = 0;
  let faults = NO_FAULTS;
  let random = createRandomGenerator(1);
  const counts: FakeLanguageModelCounts = emptyCounts();
  const timers = new Set<NodeJS.Timeout>();

  function later(action: () => void): void {
    if (latencyMs <= 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, latencyMs);
    timers.add(timer);
  }

  function answerChatCompletion(rawBody: string, response: ServerResponse): void {
    counts.calls += 1;
    let body: ChatCompletionCreateParams;
    try {
      body = JSON.parse(rawBody) as ChatCompletionCreateParams;
    } catch {
      sendJson(response, 400, createOpenAIErrorBody(400, { message: 'The body is not JSON.' }));
      return;
    }
    if (body.messages.some((message) => message.role === 'assistant')) counts.repairCalls += 1;
    const draw = random();
    let threshold = faults.rateLimited + faults.serverError + faults.hang;
    const next = (share: number | undefined) => (threshold += share ?? 0);
    if (draw < faults.rateLimited) {
      counts.rateLimited += 1;
      sendJson(response, 429, createOpenAIErrorBody(429), { 'retry-after-ms': String(faults.retryAfterMs), 'retry-after': '1' });
      return;
    }
    if (draw < faults.rateLimited + faults.serverError) {
      counts.serverErrors += 1;
      later(() => sendJson(response, 500, createOpenAIErrorBody(500)));
      return;
    }
    if (draw < faults.rateLimited + faults.serverError + faults.hang) {
      counts.hangs += 1;
      return; // the client's timeout closes the connection; close() ends any left
    }
    if (draw < next(faults.reset)) {
      counts.resets += 1;
      later(() => response.socket?.destroy());
      return;
    }
    const answer = answerForRequest(body);
    let content = answer;
    let finishReason: 'stop' | 'length' = 'stop';
    if (draw < next(faults.brokenJson)) {
      counts.brokenJson += 1;
      content = answer.slice(0, Math.ceil(answer.length / 2));
    } else if (draw < next(faults.truncated)) {
      counts.truncated += 1;
      content = answer.slice(0, Math.ceil(answer.length / 2));
      finishReason = 'length';
    } else if (draw < next(faults.outOfSet)) {
      counts.outOfSet += 1;
      content = withOutOfSetLabels(answer);
    }
    later(() => {
      counts.answered += 1;
      sendJson(response, 200, createChatCompletionBody({ content, finishReason, model: body.model, promptText: promptTextOf(body) }));
    });
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', () => response.destroy());
    request.on('end', () => {
      const route = `${request.method ?? 'GET'} ${(request.url ?? '/').split('?')[0]}`;
      if (route === 'POST /v1/chat/completions') answerChatCompletion(Buffer.concat(chunks).toString('utf8'), response);
      else sendJson(response, 404, createOpenAIErrorBody(404, { message: `Invalid URL (${route})`, code: null }));
    });
  }

  const server = createServer(handle);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed = false;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    counts,
    configure(settings) {
      latencyMs = settings.latencyMs;
      faults = settings.faults ?? NO_FAULTS;
      random = createRandomGenerator(settings.seed ?? 1);
      Object.assign(counts, emptyCounts());
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
