import { AnthropicError, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ERROR_CODES } from '../../core/errors';
import { mapAnthropicError, type AnthropicErrorContext } from './map-anthropic-error';

const API_KEY = 'sk-ant-api03-secret0123456789';

function createContext(overrides: Partial<AnthropicErrorContext> = {}): AnthropicErrorContext {
  return {
    deadlineSignal: new AbortController().signal,
    timeoutMs: 1_000,
    elapsedMs: 10,
    baseURL: 'https://api.anthropic.com',
    secrets: [API_KEY],
    ...overrides,
  };
}

function statusError(status: number, headers: Record<string, string> = {}, message = 'something went wrong'): APIError {
  const body = { type: 'error', error: { type: 'some_error', message }, request_id: 'req_123' };
  return APIError.generate(status, body, undefined, new Headers({ 'request-id': 'req_123', ...headers }));
}

describe('mapAnthropicError', () => {
  it.each<[number, boolean]>([
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [413, false],
    [422, false],
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [529, true],
  ])('maps status %i to a ProviderCallError, retryable: %p', (status, isRetryable) => {
    const error = mapAnthropicError(statusError(status), createContext());

    expect(error).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, provider: 'anthropic', statusCode: status, isRetryable });
    expect(error.message).toBe(`the Anthropic API answered ${status} (some_error): something went wrong [request req_123]`);
  });

  it.each<[Record<string, string>, number | undefined]>([
    [{ 'retry-after': '7' }, 7_000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '120', 'retry-after': '7' }, 120],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('reads the wait of a 429 from %j as %p ms', (headers, retryAfterMs) => {
    expect(mapAnthropicError(statusError(429, headers), createContext())).toMatchObject({ retryAfterMs });
  });

  it('reads retry-after on a 529 overloaded_error too', () => {
    expect(mapAnthropicError(statusError(529, { 'retry-after': '3' }), createContext())).toMatchObject({
      statusCode: 529,
      isRetryable: true,
      retryAfterMs: 3_000,
    });
  });

  it.each<[string, unknown, Partial<AnthropicErrorContext>, Record<string, unknown>, RegExp]>([
    [
      'our deadline firing',
      new APIUserAbortError(),
      { deadlineSignal: AbortSignal.abort(), elapsedMs: 1_000 },
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true },
      /^the Anthropic API at https:\/\/api\.anthropic\.com did not answer within 1000 ms$/,
    ],
    [
      'the SDK timing out',
      new APIConnectionTimeoutError(),
      {},
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true },
      /did not answer within 1000 ms/,
    ],
    [
      'a connection error after the timeout',
      new APIConnectionError({ message: 'Connection error.' }),
      { elapsedMs: 1_000 },
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true },
      /did not answer within/,
    ],
    [
      'a refused connection',
      new APIConnectionError({ message: 'Connection error.', cause: Object.assign(new Error('fetch failed'), { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') }) }),
      { baseURL: 'http://127.0.0.1:1/some/path' },
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true, statusCode: undefined },
      /^could not connect to the Anthropic API at http:\/\/127\.0\.0\.1:1: connect ECONNREFUSED 127\.0\.0\.1:1$/,
    ],
    [
      'a body that is not JSON',
      new SyntaxError('Unexpected end of JSON input'),
      {},
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true },
      /answered with a body that is not valid JSON: Unexpected end of JSON input/,
    ],
    [
      'an SDK error without a status',
      new AnthropicError('Could not resolve authentication method.'),
      {},
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: false },
      /^the Anthropic request failed: Could not resolve authentication method\.$/,
    ],
    [
      'the SDK aborting on its own',
      new APIUserAbortError(),
      {},
      { code: ERROR_CODES.ABORTED, isRetryable: false },
      /aborted/,
    ],
    [
      'the caller aborting',
      new APIUserAbortError(),
      { abortSignal: AbortSignal.abort(), deadlineSignal: AbortSignal.abort() },
      { code: ERROR_CODES.ABORTED, isRetryable: false },
      /^the Anthropic request was aborted$/,
    ],
  ])('maps %s', (_, thrown, context, expected, message) => {
    const error = mapAnthropicError(thrown, createContext(context));

    expect(error).toMatchObject(expected);
    expect(error.message).toMatch(message);
  });

  it.each([
    `invalid x-api-key ${API_KEY}`,
    `Authorization: Bearer ${API_KEY}`,
    'x-api-key: sk-ant-api03-someoneelses0123456789',
    '{"x-api-key":"sk-ant-other-9876543210"}',
  ])('keeps secrets out of the message of an error that says %j', (message) => {
    const error = mapAnthropicError(statusError(401, {}, message), createContext());

    expect(error.message).not.toMatch(/secret0123456789|someoneelses|other-9876543210/);
    expect(error.message).toContain('[redacted]');
  });

  it('cuts long error details', () => {
    const error = mapAnthropicError(statusError(400, {}, 'x'.repeat(2_000)), createContext());

    expect(error.message.length).toBeLessThan(700);
    expect(error.message).toContain('…');
  });
});
