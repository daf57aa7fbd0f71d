import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageCreateParams, MessageParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import { createSchemaAnswer } from '../fake-openai-server/create-schema-answer';
import { answerFromRequest, findForcedTool } from './answer-from-request';
import { createAnthropicErrorBody } from './create-anthropic-error-body';
import {
  createAnthropicMessageBody,
  type AnthropicAnswerBlock,
  type AnthropicMessageBodyOptions,
  type AnthropicUsageCounts,
} from './create-anthropic-message-body';
import type { FakeAnthropicHandler, FakeAnthropicReply, HangReply, RecordedRequest, ResetReply } from './fake-anthropic-reply';

export interface FakeAnthropicServerOptions {
  /** The handler used once the script is used up. Default `answerFromRequest`. */
  handler?: FakeAnthropicHandler;
}

export interface FakeAnthropicServer {
  /** E.g. `http://127.0.0.1:PORT`: pass it as the SDK's `baseURL` (the SDK adds `/v1/messages`). */
  readonly baseURL: string;
  /** Every request received, in order (including unknown routes and hung requests). */
  readonly requests: RecordedRequest[];
  /** Queues answers for the next message requests, one each, in order; then the handler answers. */
  script(...steps: Array<FakeAnthropicReply | FakeAnthropicHandler>): void;
  /** Replaces the handler that answers when the script is empty. */
  setHandler(handler: FakeAnthropicHandler): void;
  /** Forgets recorded requests and the script, and restores the handler given at creation. */
  reset(): void;
  /** Ends every open connection (hung ones too) and stops the server. */
  close(): Promise<void>;
}

type SentReply = Exclude<FakeAnthropicReply, HangReply | ResetReply>;

const MALFORMED_BODY = '{"id":"msg_fake","type":"message","role":"assistant","content":[{"type":"text","text":';

const TRUNCATED_TEXT = 'The answer was cut o';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): { parsed: boolean; value: unknown } {
  if (text === '') return { parsed: false, value: undefined };
  try {
    return { parsed: true, value: JSON.parse(text) };
  } catch {
    return { parsed: false, value: undefined };
  }
}

/** Taken by API version 2023-06-01 only: later versions answer 400, even to default values. */
const SAMPLING_PARAMETERS = ['temperature', 'top_p', 'top_k'];

/** The message the real API sends for a body it cannot take, or null when the body is acceptable. */
function findRequestProblem(body: unknown, apiVersion: string | undefined): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'Input should be a valid dictionary';
  const fields = body as Record<string, unknown>;
  for (const field of ['model', 'max_tokens', 'messages']) {
    if (fields[field] === undefined) return `${field}: Field required`;
  }
  if (typeof fields.max_tokens !== 'number' || !Number.isInteger(fields.max_tokens) || fields.max_tokens < 1) {
    return 'max_tokens: Input should be a valid integer greater than or equal to 1';
  }
  if (!Array.isArray(fields.messages) || fields.messages.length === 0) return 'messages: at least one message is required';
  const samplingParameter = SAMPLING_PARAMETERS.find((name) => fields[name] !== undefined);
  if (samplingParameter && apiVersion !== '2023-06-01') return `${samplingParameter}: Extra inputs are not permitted`;
  if (fields.stream === true) return 'stream: the fake Anthropic server does not support stream: true';
  return null;
}

function contentText(content: MessageParam['content']): string {
  return typeof content === 'string' ? content : JSON.stringify(content);
}

function promptTextOf(body: MessageCreateParams): string {
  const system = typeof body.system === 'string' ? body.system : JSON.stringify(body.system ?? '');
  return [system, ...body.messages.map((message) => contentText(message.content))].join('\n');
}

function findTool(body: MessageCreateParams, name: string | undefined): Tool | undefined {
  const forcedTool = findForcedTool(body);
  if (name === undefined || forcedTool?.name === name) return forcedTool;
  return (body.tools ?? []).find((tool): tool is Tool => 'input_schema' in tool && tool.name === name);
}

let nextRequestNumber = 1;

function createRequestId(): string {
  return `req_fake${String(nextRequestNumber++).padStart(6, '0')}`;
}

function send(response: ServerResponse, status: number, body: string | object, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.writableEnded) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'anthropic-organization-id': '00000000-0000-4000-8000-000000000000',
    ...headers,
    'request-id': headers['request-id'] ?? createRequestId(),
  });
  response.end(text);
}

function sendError(
  response: ServerResponse,
  status: number,
  options: { type?: string; message?: string; headers?: Record<string, string> } = {},
): void {
  const requestId = createRequestId();
  send(response, status, createAnthropicErrorBody(status, { ...options, requestId }), { 'request-id': requestId, ...options.headers });
}

function sendMessage(
  response: ServerResponse,
  body: MessageCreateParams,
  reply: { model?: string; usage?: Partial<AnthropicUsageCounts>; headers?: Record<string, string> },
  message: AnthropicMessageBodyOptions,
): void {
  send(
    response,
    200,
    createAnthropicMessageBody({ model: reply.model ?? body.model, usage: reply.usage, promptText: promptTextOf(body), ...message }),
    reply.headers,
  );
}

function sendReply(response: ServerResponse, reply: SentReply, body: MessageCreateParams): void {
  if (typeof reply === 'string') {
    sendReply(response, { type: 'text', text: reply }, body);
    return;
  }
  switch (reply.type) {
    case 'text':
      sendMessage(response, body, reply, {
        content: [{ type: 'text', text: reply.text ?? '' }],
        stopReason: reply.stopReason,
        stopSequence: reply.stopSequence,
      });
      return;
    case 'tool': {
      const tool = findTool(body, reply.name);
      const name = reply.name ?? tool?.name;
      if (name === undefined) {
        sendError(response, 500, { message: 'fake Anthropic server: a tool reply needs a name when the request forces no tool' });
        return;
      }
      const input = reply.input !== undefined ? reply.input : tool ? createSchemaAnswer(tool.input_schema as Record<string, unknown>) : {};
      const content: AnthropicAnswerBlock[] = [
        ...(reply.text ? [{ type: 'text' as const, text: reply.text }] : []),
        { type: 'tool_use', name, input },
      ];
      sendMessage(response, body, reply, { content, stopReason: reply.stopReason === undefined ? 'tool_use' : reply.stopReason });
      return;
    }
    case 'truncated': {
      const tool = reply.text === undefined ? findForcedTool(body) : undefined;
      const content: AnthropicAnswerBlock[] = tool
        ? [{ type: 'tool_use', name: tool.name, input: reply.input ?? {} }]
        : [{ type: 'text', text: reply.text ?? TRUNCATED_TEXT }];
      sendMessage(response, body, reply, { content, stopReason: 'max_tokens', usage: { output_tokens: body.max_tokens, ...reply.usage } });
      return;
    }
    case 'refusal':
      sendMessage(response, body, reply, {
        content: reply.text ? [{ type: 'text', text: reply.text }] : [],
        stopReason: 'refusal',
        stopDetails: { type: 'refusal', category: reply.category ?? null, explanation: reply.explanation ?? null },
      });
      return;
    case 'error':
      sendError(response, reply.status, { type: reply.errorType, message: reply.message, headers: reply.headers });
      return;
    case 'malformed':
      send(response, reply.status ?? 200, reply.body ?? MALFORMED_BODY, {
        'content-type': reply.contentType ?? 'application/json',
        ...reply.headers,
      });
      return;
    case 'raw':
      send(response, reply.status ?? 200, reply.body, {
        ...(typeof reply.body === 'string' ? { 'content-type': 'text/plain' } : {}),
        ...reply.headers,
      });
      return;
  }
}

/**
 * A real HTTP server on 127.0.0.1 speaking the Anthropic Messages wire protocol (`POST /v1/messages`), for tests that
 * drive the real `@anthropic-ai/sdk`. Answers are scripted per request or decided by a handler; every request is
 * recorded.
 */
export async function createFakeAnthropicServer(options: FakeAnthropicServerOptions = {}): Promise<FakeAnthropicServer> {
  const initialHandler = options.handler ?? answerFromRequest;
  const requests: RecordedRequest[] = [];
  const script: Array<FakeAnthropicReply | FakeAnthropicHandler> = [];
  const timers = new Set<NodeJS.Timeout>();
  let handler = initialHandler;
  let closed = false;

  function later(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delayMs);
    timers.add(timer);
  }

  async function answerMessage(body: MessageCreateParams, recorded: RecordedRequest, response: ServerResponse) {
    const step = script.shift() ?? handler;
    const reply = typeof step === 'function' ? await step(body, recorded) : step;
    if (typeof reply !== 'string' && reply.type === 'reset') {
      response.socket?.destroy();
      return;
    }
    if (typeof reply !== 'string' && reply.type === 'hang') {
      if (reply.partialBody !== undefined) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write(reply.partialBody);
      }
      return;
    }
    const delayMs = typeof reply === 'string' ? undefined : reply.delayMs;
    if (delayMs) later(delayMs, () => sendReply(response, reply, body));
    else sendReply(response, reply, body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const { parsed, value } = parseJson(rawBody);
    const path = request.url ?? '/';
    const recorded: RecordedRequest = { method: request.method ?? 'GET', path, headers: request.headers, body: value, rawBody };
    requests.push(recorded);
    const route = `${recorded.method} ${path.split('?')[0]}`;
    try {
      if (route !== 'POST /v1/messages') {
        sendError(response, 404, { message: 'Not Found' });
      } else if (!parsed) {
        sendError(response, 400, { message: 'There was an issue with your request body: it is not valid JSON.' });
      } else {
        const apiVersion = request.headers['anthropic-version'];
        const problem = findRequestProblem(value, typeof apiVersion === 'string' ? apiVersion : undefined);
        if (problem) sendError(response, 400, { message: problem });
        else await answerMessage(value as MessageCreateParams, recorded, response);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sendError(response, 500, { message: `fake Anthropic server handler failed: ${message}` });
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    script(...steps) {
      script.push(...steps);
    },
    setHandler(newHandler) {
      handler = newHandler;
    },
    reset() {
      requests.length = 0;
      script.length = 0;
      handler = initialHandler;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
