import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import {
  createChatCompletionBody,
  type ChatCompletionFinishReason,
  type ChatCompletionUsageCounts,
} from './create-chat-completion-body';
import { createAzureOpenAIErrorBody } from './create-azure-openai-error-body';
import { createOpenAIErrorBody } from './create-openai-error-body';
import { answerFromResponseFormat } from './create-schema-answer';

export interface RecordedRequest {
  method: string;
  /** The request path with its query, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-cased header names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when the body was empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** Set for requests on the Azure OpenAI route: the deployment from the path, `api-version` from the query. */
  azure?: { deployment: string; apiVersion: string | null };
}

interface DelayedReply {
  /** Wait this long before answering. */
  delayMs?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
}

/** A 200 chat completion. */
export interface CompletionReply extends DelayedReply {
  type: 'completion';
  /** Default ''. */
  content?: string | null;
  refusal?: string | null;
  /** Default `stop`. */
  finishReason?: ChatCompletionFinishReason;
  /** Default: the model the request asked for. */
  model?: string;
  /** Missing counts are estimated from the prompt and the answer. */
  usage?: Partial<ChatCompletionUsageCounts>;
}

/** A 200 refusal: `message.refusal` set, `content` null, finish reason `stop`, as the real API answers. */
export interface RefusalReply extends DelayedReply {
  type: 'refusal';
  refusal: string;
}

/**
 * An HTTP error with the real error body: `{"error":{"message","type","param","code"}}`, or on the Azure route
 * `{"error":{"code","message"}}` (`errorType` and `param` unused there).
 */
export interface ErrorReply extends DelayedReply {
  type: 'error';
  status: number;
  /** Defaults are what the real API says for this status. */
  message?: string;
  errorType?: string;
  param?: string | null;
  code?: string | null;
}

/** A response (200 by default) whose body is not valid JSON although its content type says JSON. */
export interface MalformedReply extends DelayedReply {
  type: 'malformed';
  status?: number;
  /** Default: a truncated chat completion. */
  body?: string;
  /** Default `application/json`. */
  contentType?: string;
}

/** Any status and body; an object body is sent as JSON. */
export interface RawReply extends DelayedReply {
  type: 'raw';
  status?: number;
  body: string | object;
}

/** Never finishes answering; `close()` ends the connection. */
export interface HangReply {
  type: 'hang';
  /** When set, sends a 200 with JSON headers and this start of a body, then stalls. */
  partialBody?: string;
}

/** Drops the connection without an answer (a connection reset, as a crashed proxy does). */
export interface ResetReply {
  type: 'reset';
}

/** A string is shorthand for `{ type: 'completion', content }`. */
export type FakeOpenAIReply = string | CompletionReply | RefusalReply | ErrorReply | MalformedReply | RawReply | HangReply | ResetReply;

/**
 * Decides the answer to one `POST /v1/chat/completions` (or Azure's deployment route) from its body (as the SDK sent
 * it).
 */
export type FakeOpenAIHandler = (
  body: ChatCompletionCreateParams,
  request: RecordedRequest,
) => FakeOpenAIReply | Promise<FakeOpenAIReply>;

export interface FakeOpenAIServerOptions {
  /** The handler used once the script is used up. Default `answerFromResponseFormat`. */
  handler?: FakeOpenAIHandler;
  /** Ids listed by `GET /v1/models`. */
  models?: string[];
}

export interface FakeOpenAIServer {
  /** E.g. `http://127.0.0.1:PORT/v1`: pass it as the SDK's `baseURL`. */
  readonly baseURL: string;
  /**
   * E.g. `http://127.0.0.1:PORT`: pass it as `AzureOpenAI`'s `endpoint`. The server answers
   * `POST /openai/deployments/{deployment}/chat/completions?api-version=...` from the same script and handler, and
   * answers 401 without an `api-key` or `Authorization` header, 404 without `api-version`, as Azure does.
   */
  readonly azureEndpoint: string;
  /** Every request received, in order (including unknown routes and hung requests). */
  readonly requests: RecordedRequest[];
  /** Queues answers for the next chat completion requests, one each, in order; then the handler answers. */
  script(...steps: Array<FakeOpenAIReply | FakeOpenAIHandler>): void;
  /** Replaces the handler that answers when the script is empty. */
  setHandler(handler: FakeOpenAIHandler): void;
  /** Forgets recorded requests and the script, and restores the handler given at creation. */
  reset(): void;
  /** Ends every open connection (hung ones too) and stops the server. */
  close(): Promise<void>;
}

const MALFORMED_BODY = '{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"message":';

const JSON_PARSE_ERROR_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

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

function promptTextOf(body: ChatCompletionCreateParams): string {
  return (body.messages ?? [])
    .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? '')))
    .join('\n');
}

let nextRequestNumber = 1;

const AZURE_CHAT_COMPLETIONS_ROUTE = /^POST \/openai\/deployments\/([^/]+)\/chat\/completions$/;

function send(response: ServerResponse, status: number, body: string | object, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.writableEnded) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': `req_fake${String(nextRequestNumber++).padStart(6, '0')}`,
    'openai-processing-ms': '1',
    ...headers,
  });
  response.end(text);
}

type ErrorBodyFlavor = 'openai' | 'azure';

function createErrorBody(flavor: ErrorBodyFlavor, reply: ErrorReply): object {
  if (flavor === 'azure') return createAzureOpenAIErrorBody(reply.status, { message: reply.message, code: reply.code });
  return createOpenAIErrorBody(reply.status, {
    message: reply.message,
    type: reply.errorType,
    param: reply.param,
    code: reply.code,
  });
}

function sendReply(
  response: ServerResponse,
  reply: Exclude<FakeOpenAIReply, HangReply | ResetReply>,
  body: ChatCompletionCreateParams,
  flavor: ErrorBodyFlavor,
): void {
  if (typeof reply === 'string') {
    sendReply(response, { type: 'completion', content: reply }, body, flavor);
    return;
  }
  switch (reply.type) {
    case 'completion':
      send(
        response,
        200,
        createChatCompletionBody({
          content: reply.content,
          refusal: reply.refusal,
          finishReason: reply.finishReason,
          model: reply.model ?? body.model,
          usage: reply.usage,
          promptText: promptTextOf(body),
        }),
        reply.headers,
      );
      return;
    case 'refusal':
      sendReply(response, { type: 'completion', content: null, refusal: reply.refusal, headers: reply.headers }, body, flavor);
      return;
    case 'error':
      send(response, reply.status, createErrorBody(flavor, reply), reply.headers);
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
 * A real HTTP server on 127.0.0.1 speaking the OpenAI Chat Completions wire protocol (`POST /v1/chat/completions`,
 * `GET /v1/models`, and Azure OpenAI's `POST /openai/deployments/{deployment}/chat/completions`), for tests that drive the real `openai` SDK. Answers are scripted per request or decided by a
 * handler; every request is recorded.
 */
export async function createFakeOpenAIServer(options: FakeOpenAIServerOptions = {}): Promise<FakeOpenAIServer> {
  const initialHandler = options.handler ?? answerFromResponseFormat;
  const models = options.models ?? ['gpt-4o-mini', 'gpt-4o'];
  const requests: RecordedRequest[] = [];
  const script: Array<FakeOpenAIReply | FakeOpenAIHandler> = [];
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

  async function answerChatCompletion(
    body: ChatCompletionCreateParams,
    recorded: RecordedRequest,
    response: ServerResponse,
    flavor: ErrorBodyFlavor,
  ) {
    if (body.stream) {
      send(response, 400, createOpenAIErrorBody(400, { message: 'The fake OpenAI server does not support stream: true.', param: 'stream' }));
      return;
    }
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
    if (delayMs) later(delayMs, () => sendReply(response, reply, body, flavor));
    else sendReply(response, reply, body, flavor);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const { parsed, value } = parseJson(rawBody);
    const path = request.url ?? '/';
    const recorded: RecordedRequest = { method: request.method ?? 'GET', path, headers: request.headers, body: value, rawBody };
    requests.push(recorded);
    const route = `${recorded.method} ${path.split('?')[0]}`;
    const azureDeployment = AZURE_CHAT_COMPLETIONS_ROUTE.exec(route)?.[1];
    try {
      if (route === 'GET /v1/models') {
        send(response, 200, {
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' })),
        });
      } else if (route === 'POST /v1/chat/completions') {
        if (!parsed) send(response, 400, createOpenAIErrorBody(400, { message: JSON_PARSE_ERROR_MESSAGE }));
        else await answerChatCompletion(value as ChatCompletionCreateParams, recorded, response, 'openai');
      } else if (azureDeployment !== undefined) {
        const apiVersion = new URL(path, 'http://fake').searchParams.get('api-version');
        recorded.azure = { deployment: decodeURIComponent(azureDeployment), apiVersion };
        if (!request.headers['api-key'] && !request.headers.authorization) send(response, 401, createAzureOpenAIErrorBody(401));
        else if (!apiVersion) send(response, 404, createAzureOpenAIErrorBody(404));
        else if (!parsed) send(response, 400, createAzureOpenAIErrorBody(400, { message: JSON_PARSE_ERROR_MESSAGE }));
        else await answerChatCompletion(value as ChatCompletionCreateParams, recorded, response, 'azure');
      } else {
        send(response, 404, createOpenAIErrorBody(404, { message: `Invalid URL (${route})`, code: null }));
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      send(response, 500, createOpenAIErrorBody(500, { message: `fake OpenAI server handler failed: ${message}`, type: 'fake_server_error' }));
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
    baseURL: `http://127.0.0.1:${port}/v1`,
    azureEndpoint: `http://127.0.0.1:${port}`,
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
