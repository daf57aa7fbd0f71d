import type { ServerResponse } from 'node:http';
import type { MessageCreateParams, MessageParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import { sendJson, sendLiteralReply, startFakeHttpServer, type SentReply } from '../fake-http';
import { createSchemaAnswer } from '../fake-openai-server/create-schema-answer';
import { answerFromRequest, findForcedTool } from './answer-from-request';
import { createAnthropicErrorBody } from './create-anthropic-error-body';
import {
  createAnthropicMessageBody,
  type AnthropicAnswerBlock,
  type AnthropicMessageBodyOptions,
  type AnthropicUsageCounts,
} from './create-anthropic-message-body';
import type { FakeAnthropicHandler, FakeAnthropicReply, RecordedRequest } from './fake-anthropic-reply';

export interface FakeAnthropicServerOptions {
  /** The handler used once the script is used up. Default `answerFromRequest`. */
  handler?: FakeAnthropicHandler;
  /**
   * The models `GET /v1/models/{model_id}` knows (others: 404 `not_found_error`). Messages answer for any model.
   * Default `claude-sonnet-4-5`, `claude-sonnet-4-5-20250929`, `claude-haiku-4-5`, `claude-haiku-4-5-20251001`.
   */
  models?: string[];
  /**
   * The keys accepted (`x-api-key`, or `Authorization: Bearer`); any other gets 401 `authentication_error`. Default:
   * every request is accepted.
   */
  apiKeys?: string[];
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
  /** Replaces the models `GET /v1/models/{model_id}` knows. */
  setModels(models: string[]): void;
  /** Replaces the keys accepted; `null` accepts every request. */
  setApiKeys(apiKeys: string[] | null): void;
  /** Forgets recorded requests and the script, and restores the handler, models and keys given at creation. */
  reset(): void;
  /** Ends every open connection (hung ones too) and stops the server. */
  close(): Promise<void>;
}

const DEFAULT_MODELS = ['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929', 'claude-haiku-4-5', 'claude-haiku-4-5-20251001'];

const MODEL_ROUTE = /^GET \/v1\/models\/(.+)$/;

/** The key a request carries: `x-api-key`, or `Authorization: Bearer` (which the SDK sends too). */
function readApiKey(headers: RecordedRequest['headers']): string | undefined {
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey !== '') return apiKey;
  return typeof headers.authorization === 'string' ? /^Bearer (.+)$/.exec(headers.authorization)?.[1] : undefined;
}

/** What the real API says about a missing or unknown key, or null when the key is accepted. */
function findAuthenticationProblem(apiKey: string | undefined, apiKeys: string[] | null): string | null {
  if (apiKeys === null) return null;
  if (apiKey === undefined) return 'x-api-key header is required';
  return apiKeys.includes(apiKey) ? null : 'invalid x-api-key';
}

/** `GET /v1/models/{model_id}` as the real API answers it. */
function createModelInfoBody(id: string): object {
  return { type: 'model', id, display_name: id.replace(/^claude-/, 'Claude ').replace(/-/g, ' '), created_at: '2025-09-29T00:00:00Z' };
}

const MALFORMED_BODY = '{"id":"msg_fake","type":"message","role":"assistant","content":[{"type":"text","text":';

const TRUNCATED_TEXT = 'The answer was cut o';

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
  sendJson(response, status, body, {
    'anthropic-organization-id': '00000000-0000-4000-8000-000000000000',
    ...headers,
    'request-id': headers['request-id'] ?? createRequestId(),
  });
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

function sendReply(response: ServerResponse, reply: SentReply<FakeAnthropicReply>, body: MessageCreateParams): void {
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
    case 'raw':
      sendLiteralReply(send, response, reply, MALFORMED_BODY);
      return;
  }
}

/**
 * A real HTTP server on 127.0.0.1 speaking the Anthropic Messages wire protocol (`POST /v1/messages`, `GET /v1/models/{model_id}`), for tests that
 * drive the real `@anthropic-ai/sdk`. Answers are scripted per request or decided by a handler; every request is
 * recorded.
 */
export async function createFakeAnthropicServer(options: FakeAnthropicServerOptions = {}): Promise<FakeAnthropicServer> {
  const initialModels = options.models ?? DEFAULT_MODELS;
  let models = [...initialModels];
  let apiKeys = options.apiKeys ? [...options.apiKeys] : null;
  const { origin, reset, ...controls } = await startFakeHttpServer<MessageCreateParams, FakeAnthropicReply, RecordedRequest>({
    handler: options.handler ?? answerFromRequest,
    async route({ request, route, parsed, response, answer }) {
      const modelId = MODEL_ROUTE.exec(route)?.[1];
      const authenticationProblem = findAuthenticationProblem(readApiKey(request.headers), apiKeys);
      if (authenticationProblem) {
        sendError(response, 401, { message: authenticationProblem });
      } else if (modelId !== undefined) {
        const id = decodeURIComponent(modelId);
        if (models.includes(id)) send(response, 200, createModelInfoBody(id));
        else sendError(response, 404, { message: `model: ${id}` });
      } else if (route !== 'POST /v1/messages') {
        sendError(response, 404, { message: 'Not Found' });
      } else if (!parsed) {
        sendError(response, 400, { message: 'There was an issue with your request body: it is not valid JSON.' });
      } else {
        const apiVersion = request.headers['anthropic-version'];
        const problem = findRequestProblem(request.body, typeof apiVersion === 'string' ? apiVersion : undefined);
        const body = request.body as MessageCreateParams;
        if (problem) sendError(response, 400, { message: problem });
        else await answer(body, (reply) => sendReply(response, reply, body));
      }
    },
    sendHandlerFailure(response, message) {
      sendError(response, 500, { message: `fake Anthropic server handler failed: ${message}` });
    },
  });

  return {
    baseURL: origin,
    ...controls,
    setModels: (known) => void (models = [...known]),
    setApiKeys: (accepted) => void (apiKeys = accepted ? [...accepted] : null),
    reset: () => {
      reset();
      models = [...initialModels];
      apiKeys = options.apiKeys ? [...options.apiKeys] : null;
    },
  };
}
