import { ProviderCallError } from '../../core/errors';
import { readRetryAfterMs } from './read-retry-after-ms';

/** 408, 409, 429 and every 5xx (Anthropic's 529 `overloaded_error` included). */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The error for an API's error answer: its status, whether to retry it, and how long the server asked us to wait. */
export function createStatusCallError(
  message: string,
  answer: { status: number; headers: Headers | undefined },
  provider: string,
): ProviderCallError {
  return new ProviderCallError(message, {
    provider,
    statusCode: answer.status,
    isRetryable: isRetryableStatus(answer.status),
    retryAfterMs: readRetryAfterMs(answer.headers),
  });
}
