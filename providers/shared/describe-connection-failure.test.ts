import { describeConnectionFailure } from './describe-connection-failure';

function withCause(message: string, cause: unknown): Error {
  return new Error(message, { cause });
}

describe('describeConnectionFailure', () => {
  it.each<[string, Error, string]>([
    ['its own message without a cause', new Error('Connection error.'), 'Connection error.'],
    [
      'the innermost message',
      withCause('Connection error.', withCause('fetch failed', new Error('connect ECONNREFUSED 127.0.0.1:1'))),
      'connect ECONNREFUSED 127.0.0.1:1',
    ],
    ['a code when the cause has no message', withCause('Connection error.', { code: 'ECONNRESET' }), 'ECONNRESET'],
    ['the last message when the innermost cause has neither', withCause('Connection error.', withCause('fetch failed', {})), 'fetch failed'],
    ['its own message when the cause is not an object', withCause('Connection error.', 'socket hang up'), 'Connection error.'],
  ])('gives %s', (_case, error, expected) => {
    expect(describeConnectionFailure(error)).toBe(expected);
  });
});
