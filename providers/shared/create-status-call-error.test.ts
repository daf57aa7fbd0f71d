import { ERROR_CODES } from '../../core/errors';
import { createStatusCallError } from './create-status-call-error';

describe('createStatusCallError', () => {
  it.each<[number, boolean]>([
    [399, false],
    [407, false],
    [408, true],
    [409, true],
    [410, false],
    [428, false],
    [429, true],
    [430, false],
    [499, false],
    [500, true],
    [529, true],
    [599, true],
  ])('makes %i retryable: %p', (status, isRetryable) => {
    expect(createStatusCallError('the API answered', { status, headers: undefined }, 'openai')).toMatchObject({ statusCode: status, isRetryable });
  });

  it.each<[Record<string, string> | undefined, number | undefined]>([
    [undefined, undefined],
    [{}, undefined],
    [{ 'retry-after': '2' }, 2_000],
    [{ 'retry-after-ms': '150', 'retry-after': '2' }, 150],
    [{ 'retry-after': 'soon' }, undefined],
  ])('reads the wait from headers %j as %p ms', (headers, retryAfterMs) => {
    const error = createStatusCallError('the API answered 429', { status: 429, headers: headers && new Headers(headers) }, 'anthropic');

    expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, provider: 'anthropic', retryAfterMs });
    expect(error.message).toBe('the API answered 429');
    expect(error.cause).toBeUndefined();
  });
});
