import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import { ERROR_CODES } from '../../core/errors';
import { mapOpenAIError, type OpenAIErrorContext } from './map-openai-error';

const API_KEY = 'sk-proj-secret0123456789';

function createContext(overrides: Partial<OpenAIErrorContext> = {}): OpenAIErrorContext {
  return {
    provider: 'openai',
    apiName: 'the OpenAI API',
    deadlineSignal: new AbortController().signal,
    timeoutMs: 1_000,
    elapsedMs: 10,
    baseURL: 'https://api.openai.com/v1',
    secrets: [API_KEY],
    ...overrides,
  };
}

function statusError(status: number, error: Record<string, unknown> | undefined, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, error && { error }, undefined, new Headers(headers));
}

describe('mapOpenAIError', () => {
  it.each<[string, APIError, string]>([
    [
      'the body message, its code and the request id',
      statusError(429, { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' }, { 'x-request-id': 'req_1' }),
      'the OpenAI API answered 429 (rate_limit_exceeded): Rate limit reached [request req_1]',
    ],
    ['no code that only repeats the status, as Azure sends', statusError(429, { message: 'Too many requests', code: '429' }), 'the OpenAI API answered 429: Too many requests'],
    ['the SDK message without a body', statusError(502, undefined), 'the OpenAI API answered 502: status code (no body)'],
    ['no secret the server echoes', statusError(401, { message: `Incorrect API key provided: ${API_KEY}` }), 'the OpenAI API answered 401: Incorrect API key provided: [redacted]'],
    ['a cut detail', statusError(400, { message: 'x'.repeat(600) }), `the OpenAI API answered 400: ${'x'.repeat(500)}…`],
  ])('describes a status error with %s', (_case, error, message) => {
    const mapped = mapOpenAIError(error, createContext());

    expect(mapped).toMatchObject({ code: ERROR_CODES.PROVIDER_CALL_FAILED, provider: 'openai', statusCode: error.status });
    expect(mapped.message).toBe(message);
  });

  it.each<[string, unknown, Partial<OpenAIErrorContext>, Record<string, unknown>, string]>([
    [
      'our deadline firing',
      new APIUserAbortError(),
      { deadlineSignal: AbortSignal.abort(), elapsedMs: 1_000 },
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, isRetryable: true },
      'the OpenAI API at https://api.openai.com did not answer within 1000 ms',
    ],
    ['the SDK timing out', new APIConnectionTimeoutError(), {}, { isRetryable: true }, 'the OpenAI API at https://api.openai.com did not answer within 1000 ms'],
    [
      'a refused connection',
      new APIConnectionError({ message: 'Connection error.', cause: new Error('connect ECONNREFUSED 127.0.0.1:1') }),
      { baseURL: 'http://127.0.0.1:1/v1', apiName: 'the OpenAI-compatible server', provider: 'openai-compatible' },
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, provider: 'openai-compatible', isRetryable: true, statusCode: undefined },
      'could not connect to the OpenAI-compatible server at http://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1',
    ],
    [
      'a body that is not JSON',
      new SyntaxError('Unexpected end of JSON input'),
      {},
      { isRetryable: true },
      'the OpenAI API at https://api.openai.com answered with a body that is not valid JSON: Unexpected end of JSON input',
    ],
    [
      'an SDK error without a status',
      new OpenAIError(`bad key ${API_KEY}`),
      { apiName: 'the Azure OpenAI API', provider: 'azure-openai' },
      { code: ERROR_CODES.PROVIDER_CALL_FAILED, provider: 'azure-openai', isRetryable: false },
      'the request to the Azure OpenAI API failed: bad key [redacted]',
    ],
    ['the SDK aborting on its own', new APIUserAbortError(), {}, { code: ERROR_CODES.ABORTED, isRetryable: false }, 'the request to the OpenAI API was aborted'],
    [
      'the caller aborting',
      new APIUserAbortError(),
      { abortSignal: AbortSignal.abort(), deadlineSignal: AbortSignal.abort() },
      { code: ERROR_CODES.ABORTED },
      'the request to the OpenAI API was aborted',
    ],
  ])('maps %s', (_case, thrown, context, expected, message) => {
    const error = mapOpenAIError(thrown, createContext(context));

    expect(error).toMatchObject(expected);
    expect(error.message).toBe(message);
  });
});
