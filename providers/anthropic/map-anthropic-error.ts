import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { AbortedError, ProviderCallError } from '../../core/errors';
import { createStatusCallError } from '../shared/create-status-call-error';
import { describeConnectionFailure } from '../shared/describe-connection-failure';
import { describeOrigin } from '../shared/describe-origin';
import { errorMessageOf } from '../../core/shared/error-message-of';
import { isCallTimeout } from '../shared/is-call-timeout';
import { isSyntaxError } from '../shared/is-syntax-error';
import type { ProviderErrorContext } from '../shared/provider-error-context';
import { redactSecrets } from '../shared/redact-secrets';
import { truncateDetail } from '../shared/truncate-detail';
import { ANTHROPIC_PROVIDER } from './anthropic-provider-name';

export type AnthropicErrorContext = ProviderErrorContext;

/** Headers whose values error messages never show, besides the Authorization header. */
const SECRET_HEADERS = ['x-api-key'];

function describeStatusError(error: APIError): string {
  const detail = error.apiMessage ?? error.message.replace(/^\d{3}\s*/, '');
  const type = error.type ? ` (${error.type})` : '';
  const requestId = error.requestID ? ` [request ${error.requestID}]` : '';
  return `the Anthropic API answered ${error.status}${type}: ${truncateDetail(detail)}${requestId}`;
}

/**
 * Anything the SDK call threw → AbortedError for aborts, otherwise ProviderCallError with `statusCode`, `isRetryable`
 * (408, 409, 429, 5xx and 529 overloaded, connection errors, timeouts, unreadable bodies) and `retryAfterMs`. Messages
 * never carry the API key or an auth header.
 */
export function mapAnthropicError(error: unknown, context: AnthropicErrorContext): AbortedError | ProviderCallError {
  if (context.abortSignal?.aborted) {
    return new AbortedError('the Anthropic request was aborted', { cause: context.abortSignal.reason });
  }
  const provider = ANTHROPIC_PROVIDER;
  const origin = describeOrigin(context.baseURL);
  if (isCallTimeout(error, context, { APIConnectionError, APIConnectionTimeoutError })) {
    return new ProviderCallError(`the Anthropic API at ${origin} did not answer within ${context.timeoutMs} ms`, {
      provider,
      isRetryable: true,
      timedOut: true,
      cause: error,
    });
  }
  if (error instanceof APIUserAbortError) {
    return new AbortedError('the Anthropic request was aborted', { cause: error });
  }
  if (error instanceof APIConnectionError) {
    const reason = redactSecrets(describeConnectionFailure(error), context.secrets, SECRET_HEADERS);
    return new ProviderCallError(`could not connect to the Anthropic API at ${origin}: ${reason}`, {
      provider,
      isRetryable: true,
      cause: error,
    });
  }
  if (error instanceof APIError && error.status !== undefined) {
    return createStatusCallError(redactSecrets(describeStatusError(error), context.secrets, SECRET_HEADERS), error, provider);
  }
  if (isSyntaxError(error)) {
    return new ProviderCallError(
      `the Anthropic API at ${origin} answered with a body that is not valid JSON: ${truncateDetail(redactSecrets(errorMessageOf(error), context.secrets, SECRET_HEADERS))}`,
      { provider, isRetryable: true, cause: error },
    );
  }
  return new ProviderCallError(`the Anthropic request failed: ${truncateDetail(redactSecrets(errorMessageOf(error), context.secrets, SECRET_HEADERS))}`, {
    provider,
    cause: error,
  });
}
