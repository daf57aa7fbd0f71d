import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AbortedError, ProviderCallError } from '../../core/errors';
import { createStatusCallError } from './create-status-call-error';
import { describeConnectionFailure } from './describe-connection-failure';
import { describeOrigin } from './describe-origin';
import { errorMessageOf } from '../../core/shared/error-message-of';
import { isCallTimeout } from './is-call-timeout';
import { isSyntaxError } from './is-syntax-error';
import type { ProviderErrorContext } from './provider-error-context';
import { redactSecrets } from './redact-secrets';
import { truncateDetail } from './truncate-detail';

export interface OpenAIErrorContext extends ProviderErrorContext {
  /** The registry name the errors carry, e.g. `openai`. */
  provider: string;
  /** How messages name the service, e.g. `the OpenAI API`. */
  apiName: string;
}

function describeStatusError(error: APIError, apiName: string): string {
  const bodyMessage = (error.error as { message?: unknown } | undefined)?.message;
  const detail = typeof bodyMessage === 'string' ? bodyMessage : error.message.replace(/^\d{3}\s*/, '');
  // Azure repeats the status as the code (`"429"`); only a distinct code says more.
  const code = error.code && error.code !== String(error.status) ? ` (${error.code})` : '';
  const requestId = error.requestID ? ` [request ${error.requestID}]` : '';
  return `${apiName} answered ${error.status}${code}: ${truncateDetail(detail)}${requestId}`;
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
  const origin = describeOrigin(context.baseURL);
  if (isCallTimeout(error, context, { APIConnectionError, APIConnectionTimeoutError })) {
    return new ProviderCallError(`${apiName} at ${origin} did not answer within ${context.timeoutMs} ms`, {
      provider,
      isRetryable: true,
      timedOut: true,
      cause: error,
    });
  }
  if (error instanceof APIUserAbortError) {
    return new AbortedError(`the request to ${apiName} was aborted`, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    const reason = redactSecrets(describeConnectionFailure(error), context.secrets);
    return new ProviderCallError(`could not connect to ${apiName} at ${origin}: ${reason}`, {
      provider,
      isRetryable: true,
      cause: error,
    });
  }
  if (error instanceof APIError && error.status !== undefined) {
    return createStatusCallError(redactSecrets(describeStatusError(error, apiName), context.secrets), error, provider);
  }
  if (isSyntaxError(error)) {
    return new ProviderCallError(
      `${apiName} at ${origin} answered with a body that is not valid JSON: ${truncateDetail(redactSecrets(errorMessageOf(error), context.secrets))}`,
      { provider, isRetryable: true, cause: error },
    );
  }
  return new ProviderCallError(`the request to ${apiName} failed: ${truncateDetail(redactSecrets(errorMessageOf(error), context.secrets))}`, {
    provider,
    cause: error,
  });
}
