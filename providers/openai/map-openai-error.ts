import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AbortedError, ProviderCallError } from '../../core/errors';
import { readRetryAfterMs } from './read-retry-after-ms';

export interface OpenAIErrorContext {
  /** The registry name the errors carry, e.g. `openai`. */
  provider: string;
  /** How messages name the service, e.g. `the OpenAI API`. */
  apiName: string;
  /** The caller's signal. */
  abortSignal?: AbortSignal;
  /** Aborted when the call's time budget ran out. */
  deadlineSignal: AbortSignal;
  timeoutMs: number;
  /** How long the call ran before it failed. */
  elapsedMs: number;
  /** The API's base URL; only its origin appears in messages. */
  baseURL: string;
  /** Values that must never appear in a message, such as the API key. */
  secrets: string[];
}

const MAX_DETAIL_LENGTH = 500;

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function redact(text: string, secrets: string[]): string {
  const withoutSecrets = secrets.filter(Boolean).reduce((result, secret) => result.split(secret).join('[redacted]'), text);
  return withoutSecrets
    .replace(/Bearer\s+[^\s"',]+/gi, 'Bearer [redacted]')
    .replace(/\bsk-[A-Za-z0-9_*-]{8,}/g, 'sk-[redacted]');
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}

function originOf(baseURL: string): string {
  try {
    return new URL(baseURL).origin;
  } catch {
    return 'the configured base URL';
  }
}

/** The innermost reason of a connection failure, e.g. `connect ECONNREFUSED 127.0.0.1:1`. */
function describeConnectionFailure(error: APIConnectionError): string {
  let reason = error.message;
  let current: unknown = error.cause;
  while (current instanceof Error || (typeof current === 'object' && current !== null)) {
    const { message, code, cause } = current as { message?: unknown; code?: unknown; cause?: unknown };
    if (typeof message === 'string' && message) reason = message;
    else if (typeof code === 'string') reason = code;
    current = cause;
  }
  return reason;
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function isSyntaxError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SyntaxError';
}

/**
 * Our deadline usually fires first and the SDK reports an abort; the SDK's own timeout reports
 * APIConnectionTimeoutError, or a plain APIConnectionError when the fetch error comes from another realm (jest).
 */
function isTimeout(error: unknown, context: OpenAIErrorContext): boolean {
  return (
    context.deadlineSignal.aborted ||
    error instanceof APIConnectionTimeoutError ||
    (error instanceof APIConnectionError && context.elapsedMs >= context.timeoutMs)
  );
}

function describeStatusError(error: APIError, apiName: string): string {
  const bodyMessage = (error.error as { message?: unknown } | undefined)?.message;
  const detail = typeof bodyMessage === 'string' ? bodyMessage : error.message.replace(/^\d{3}\s*/, '');
  // Azure repeats the status as the code (`"429"`); only a distinct code says more.
  const code = error.code && error.code !== String(error.status) ? ` (${error.code})` : '';
  const requestId = error.requestID ? ` [request ${error.requestID}]` : '';
  return `${apiName} answered ${error.status}${code}: ${truncate(detail)}${requestId}`;
}

/**
 * Anything an `openai` SDK call threw (OpenAI, Azure OpenAI, an OpenAI-compatible server) → AbortedError for aborts,
 * otherwise ProviderCallError with `statusCode`, `isRetryable` (408, 409, 429, 5xx, connection errors, timeouts,
 * unreadable bodies) and `retryAfterMs`. Messages never carry the API key, a token or an Authorization header.
 */
export function mapOpenAIError(error: unknown, context: OpenAIErrorContext): AbortedError | ProviderCallError {
  const { provider, apiName } = context;
  if (context.abortSignal?.aborted) {
    return new AbortedError(`the request to ${apiName} was aborted`, { cause: context.abortSignal.reason });
  }
  const origin = originOf(context.baseURL);
  if (isTimeout(error, context)) {
    return new ProviderCallError(`${apiName} at ${origin} did not answer within ${context.timeoutMs} ms`, {
      provider,
      isRetryable: true,
      cause: error,
    });
  }
  if (error instanceof APIUserAbortError) {
    return new AbortedError(`the request to ${apiName} was aborted`, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    const reason = redact(describeConnectionFailure(error), context.secrets);
    return new ProviderCallError(`could not connect to ${apiName} at ${origin}: ${reason}`, {
      provider,
      isRetryable: true,
      cause: error,
    });
  }
  if (error instanceof APIError && error.status !== undefined) {
    return new ProviderCallError(redact(describeStatusError(error, apiName), context.secrets), {
      provider,
      statusCode: error.status,
      isRetryable: isRetryableStatus(error.status),
      retryAfterMs: readRetryAfterMs(error.headers),
    });
  }
  if (isSyntaxError(error)) {
    return new ProviderCallError(
      `${apiName} at ${origin} answered with a body that is not valid JSON: ${truncate(redact(messageOf(error), context.secrets))}`,
      { provider, isRetryable: true, cause: error },
    );
  }
  return new ProviderCallError(`the request to ${apiName} failed: ${truncate(redact(messageOf(error), context.secrets))}`, {
    provider,
    cause: error,
  });
}
