import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HangReply, ResetReply, ScriptableReply } from './fake-http-reply';
import { errorMessageOf } from '../../core/shared/error-message-of';

export interface RecordedHttpRequest {
  method: string;
  /** The request path with its query, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-cased header names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when the body was empty or not JSON. */
  body: unknown;
  rawBody: string;
}

/** Decides the answer to one request from its body. */
export type FakeHttpHandler<Body, Reply, Request> = (body: Body, request: Request) => Reply | Promise<Reply>;

/** A reply that sends a response: neither a hang nor a reset. */
export type SentReply<Reply> = Exclude<Reply, HangReply | ResetReply>;

export interface FakeHttpExchange<Body, Reply, Request> {
  /** Already recorded. */
  request: Request;
  /** The method and the path without its query, e.g. `POST /v1/messages`. */
  route: string;
  /** Whether the body was JSON. */
  parsed: boolean;
  response: ServerResponse;
  /**
   * Answers with the next scripted step, else the handler: hangs, drops the connection, or passes the reply to
   * `sendReply` once its `delayMs` is over.
   */
  answer(body: Body, sendReply: (reply: SentReply<Reply>) => void): Promise<void>;
}

export interface FakeHttpServerOptions<Body, Reply, Request> {
  /** The handler used once the script is used up, and again after `reset()`. */
  handler: FakeHttpHandler<Body, Reply, Request>;
  /** Answers one request; calls `answer` for the requests scripts and handlers decide. */
  route(exchange: FakeHttpExchange<Body, Reply, Request>): Promise<void> | void;
  /** Answers a request whose route or handler threw. */
  sendHandlerFailure(response: ServerResponse, message: string): void;
}

export interface FakeHttpServer<Body, Reply, Request> {
  /** E.g. `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Every request received, in order (including unknown routes and hung requests). */
  readonly requests: Request[];
  /** Queues answers for the next answered requests, one each, in order; then the handler answers. */
  script(...steps: Array<Reply | FakeHttpHandler<Body, Reply, Request>>): void;
  /** Replaces the handler that answers when the script is empty. */
  setHandler(handler: FakeHttpHandler<Body, Reply, Request>): void;
  /** Forgets recorded requests and the script, and restores the handler given at creation. */
  reset(): void;
  /** Ends every open connection (hung ones too) and stops the server. */
  close(): Promise<void>;
}

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

function isReplyOfType(reply: ScriptableReply, type: string): boolean {
  return typeof reply !== 'string' && reply.type === type;
}

/**
 * A real HTTP server on 127.0.0.1 whose answers are scripted per request or decided by a handler, recording every
 * request: the plumbing of the fake vendor servers, which bring the routes and the reply bodies.
 */
export async function startFakeHttpServer<Body, Reply extends ScriptableReply, Request extends RecordedHttpRequest = RecordedHttpRequest>(
  options: FakeHttpServerOptions<Body, Reply, Request>,
): Promise<FakeHttpServer<Body, Reply, Request>> {
  const requests: Request[] = [];
  const script: Array<Reply | FakeHttpHandler<Body, Reply, Request>> = [];
  const timers = new Set<NodeJS.Timeout>();
  let handler = options.handler;
  let closed = false;

  function later(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delayMs);
    timers.add(timer);
  }

  async function answer(body: Body, request: Request, response: ServerResponse, sendReply: (reply: SentReply<Reply>) => void) {
    const step = script.shift() ?? handler;
    const reply = typeof step === 'function' ? await step(body, request) : step;
    if (isReplyOfType(reply, 'reset')) {
      response.socket?.destroy();
      return;
    }
    if (isReplyOfType(reply, 'hang')) {
      const { partialBody } = reply as HangReply;
      if (partialBody !== undefined) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write(partialBody);
      }
      return;
    }
    const sentReply = reply as SentReply<Reply>;
    const delayMs = typeof reply === 'string' ? undefined : reply.delayMs;
    if (delayMs) later(delayMs, () => sendReply(sentReply));
    else sendReply(sentReply);
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(incoming);
    const { parsed, value } = parseJson(rawBody);
    const path = incoming.url ?? '/';
    // Vendor fields of a recorded request are optional; `route` fills them in.
    const request = { method: incoming.method ?? 'GET', path, headers: incoming.headers, body: value, rawBody } as Request;
    requests.push(request);
    try {
      await options.route({
        request,
        route: `${request.method} ${path.split('?')[0]}`,
        parsed,
        response,
        answer: (body, sendReply) => answer(body, request, response, sendReply),
      });
    } catch (error) {
      options.sendHandlerFailure(response, errorMessageOf(error));
    }
  }

  const server = createServer((incoming, response) => void handle(incoming, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
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
      handler = options.handler;
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
