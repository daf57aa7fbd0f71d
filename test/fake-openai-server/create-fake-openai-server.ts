import type { ServerResponse } from 'node:http';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import {
  sendJson,
  sendLiteralReply,
  startFakeHttpServer,
  type DelayedReply,
  type FakeHttpExchange,
  type HangReply,
  type MalformedReply,
  type RawReply,
  type RecordedHttpRequest,
  type ResetReply,
  type SentReply,
} from '../fake-http';
import {
  createChatCompletionBody,
  type ChatCompletionFinishReason,
  splitIntoFakeTokens,
  type ChatCompletionUsageCounts,
  type ScriptedTokenLogprob,
} from './create-chat-completion-body';
import { createAzureOpenAIErrorBody } from './create-azure-openai-error-body';
import { createOpenAIErrorBody } from './create-openai-error-body';
import { answerFromResponseFormat } from './create-schema-answer';

export interface RecordedRequest extends RecordedHttpRequest {
  /** Set for requests on the Azure OpenAI route: the deployment from the path, `api-version` from the query. */
  azure?: { deployment: string; apiVersion: string | null };
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
  /**
   * `choice.logprobs.content`, sent whether or not the request asked (real servers send it only then). Default: when
   * the request has `logprobs: true`, the content cut into tokens of 4 code points with logprob 0
   * (`splitIntoFakeTokens`); otherwise `logprobs: null`.
   */
  logprobs?: ScriptedTokenLogprob[];
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
  /**
   * The models served: listed by `GET /v1/models` and retrieved by `GET /v1/models/{id}` (others: 404
   * `model_not_found`). Chat completions answer for any model. Default `gpt-4o-mini`, `gpt-4o`.
   */
  models?: string[];
  /**
   * The API keys accepted (`Authorization: Bearer <key>`) on the `/v1` routes; any other key gets 401
   * `invalid_api_key`, none at all a 401 saying so. Default: every request is accepted.
   */
  apiKeys?: string[];
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
  /** Replaces the models served. */
  setModels(models: string[]): void;
  /** Replaces the API keys accepted; `null` accepts every request. */
  setApiKeys(apiKeys: string[] | null): void;
  /** Forgets recorded requests and the script, and restores the handler, models and keys given at creation. */
  reset(): void;
  /** Ends every open connection (hung ones too) and stops the server. */
  close(): Promise<void>;
}

const MODEL_ROUTE = /^GET \/v1\/models\/(.+)$/;

const MISSING_KEY_MESSAGE =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";

/** How the real API quotes a wrong key: its start and its last four characters. */
function maskKey(key: string): string {
  return `${key.slice(0, 3)}${'*'.repeat(Math.max(0, key.length - 7))}${key.slice(-4)}`;
}

/** The 401 the real API sends when the key is missing or not one it knows, or null when the key is accepted. */
function findAuthenticationProblem(authorization: string | string[] | undefined, apiKeys: string[] | null): object | null {
  if (apiKeys === null) return null;
  const key = typeof authorization === 'string' ? /^Bearer (.+)$/.exec(authorization)?.[1] : undefined;
  if (key === undefined) return createOpenAIErrorBody(401, { message: MISSING_KEY_MESSAGE, code: null });
  if (apiKeys.includes(key)) return null;
  return createOpenAIErrorBody(401, {
    message: `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
  });
}

const MALFORMED_BODY = '{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"message":';

const JSON_PARSE_ERROR_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

function promptTextOf(body: ChatCompletionCreateParams): string {
  return (body.messages ?? [])
    .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? '')))
    .join('\n');
}

let nextRequestNumber = 1;

const AZURE_CHAT_COMPLETIONS_ROUTE = /^POST \/openai\/deployments\/([^/]+)\/chat\/completions$/;

function send(response: ServerResponse, status: number, body: string | object, headers: Record<string, string> = {}): void {
  sendJson(response, status, body, {
    'x-request-id': `req_fake${String(nextRequestNumber++).padStart(6, '0')}`,
    'openai-processing-ms': '1',
    ...headers,
  });
}

type ErrorBodyFlavor = 'openai' | 'azure';

type FakeOpenAIExchange = FakeHttpExchange<ChatCompletionCreateParams, FakeOpenAIReply, RecordedRequest>;

function createErrorBody(flavor: ErrorBodyFlavor, reply: ErrorReply): object {
  if (flavor === 'azure') return createAzureOpenAIErrorBody(reply.status, { message: reply.message, code: reply.code });
  return createOpenAIErrorBody(reply.status, {
    message: reply.message,
    type: reply.errorType,
    param: reply.param,
    code: reply.code,
  });
}

function logprobsFor(reply: CompletionReply, body: ChatCompletionCreateParams): ScriptedTokenLogprob[] | null {
  if (reply.logprobs) return reply.logprobs;
  return body.logprobs === true && typeof reply.content === 'string' ? splitIntoFakeTokens(reply.content) : null;
}

function sendReply(response: ServerResponse, reply: SentReply<FakeOpenAIReply>, body: ChatCompletionCreateParams, flavor: ErrorBodyFlavor): void {
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
          logprobs: logprobsFor(reply, body),
          topLogprobs: body.top_logprobs ?? 0,
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
    case 'raw':
      sendLiteralReply(send, response, reply, MALFORMED_BODY);
      return;
  }
}

function answerChatCompletion(exchange: FakeOpenAIExchange, flavor: ErrorBodyFlavor): Promise<void> | void {
  const body = exchange.request.body as ChatCompletionCreateParams;
  if (body.stream) {
    send(exchange.response, 400, createOpenAIErrorBody(400, { message: 'The fake OpenAI server does not support stream: true.', param: 'stream' }));
    return;
  }
  return exchange.answer(body, (reply) => sendReply(exchange.response, reply, body, flavor));
}

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI Chat Completions wire protocol (`POST /v1/chat/completions`,
 * `GET /v1/models`, `GET /v1/models/{id}`, and Azure OpenAI's `POST /openai/deployments/{deployment}/chat/completions`), for tests that drive the real `openai` SDK. Answers are scripted per request or decided by a
 * handler; every request is recorded.
 */
export async function createFakeOpenAIServer(options: FakeOpenAIServerOptions = {}): Promise<FakeOpenAIServer> {
  const initialModels = options.models ?? ['gpt-4o-mini', 'gpt-4o'];
  let models = [...initialModels];
  let apiKeys = options.apiKeys ? [...options.apiKeys] : null;

  const { origin, reset, ...controls } = await startFakeHttpServer<ChatCompletionCreateParams, FakeOpenAIReply, RecordedRequest>({
    handler: options.handler ?? answerFromResponseFormat,
    async route(exchange) {
      const { request, route, parsed, response } = exchange;
      const azureDeployment = AZURE_CHAT_COMPLETIONS_ROUTE.exec(route)?.[1];
      const modelId = MODEL_ROUTE.exec(route)?.[1];
      const authenticationProblem = route.includes(' /v1/') ? findAuthenticationProblem(request.headers.authorization, apiKeys) : null;
      if (authenticationProblem) {
        send(response, 401, authenticationProblem);
      } else if (modelId !== undefined) {
        const id = decodeURIComponent(modelId);
        if (models.includes(id)) send(response, 200, { id, object: 'model', created: 1_700_000_000, owned_by: 'system' });
        else send(response, 404, createOpenAIErrorBody(404, { message: `The model \`${id}\` does not exist or you do not have access to it.` }));
      } else if (route === 'GET /v1/models') {
        send(response, 200, {
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'system' })),
        });
      } else if (route === 'POST /v1/chat/completions') {
        if (!parsed) send(response, 400, createOpenAIErrorBody(400, { message: JSON_PARSE_ERROR_MESSAGE }));
        else await answerChatCompletion(exchange, 'openai');
      } else if (azureDeployment !== undefined) {
        const apiVersion = new URL(request.path, 'http://fake').searchParams.get('api-version');
        request.azure = { deployment: decodeURIComponent(azureDeployment), apiVersion };
        if (!request.headers['api-key'] && !request.headers.authorization) send(response, 401, createAzureOpenAIErrorBody(401));
        else if (!apiVersion) send(response, 404, createAzureOpenAIErrorBody(404));
        else if (!parsed) send(response, 400, createAzureOpenAIErrorBody(400, { message: JSON_PARSE_ERROR_MESSAGE }));
        else await answerChatCompletion(exchange, 'azure');
      } else {
        send(response, 404, createOpenAIErrorBody(404, { message: `Invalid URL (${route})`, code: null }));
      }
    },
    sendHandlerFailure(response, message) {
      send(response, 500, createOpenAIErrorBody(500, { message: `fake OpenAI server handler failed: ${message}`, type: 'fake_server_error' }));
    },
  });

  return {
    baseURL: `${origin}/v1`,
    azureEndpoint: origin,
    ...controls,
    setModels: (served) => void (models = [...served]),
    setApiKeys: (accepted) => void (apiKeys = accepted ? [...accepted] : null),
    reset: () => {
      reset();
      models = [...initialModels];
      apiKeys = options.apiKeys ? [...options.apiKeys] : null;
    },
  };
}
