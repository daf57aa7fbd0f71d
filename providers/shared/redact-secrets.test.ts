import { redactSecrets } from './redact-secrets';

const SECRET = 'secret-0123456789';

describe('redactSecrets', () => {
  it.each<[string, string, readonly string[], string]>([
    ['a secret, wherever it stands', `key ${SECRET} and again:${SECRET}`, [], 'key [redacted] and again:[redacted]'],
    ['a bearer token', 'Authorization: Bearer abc.def-ghi, next', [], 'Authorization: Bearer [redacted], next'],
    ['a bearer token in any case', '"bearer   tok"', [], '"Bearer [redacted]"'],
    ['an sk- key that is not a configured secret', 'Incorrect API key provided: sk-proj-abc*****wxyz', [], 'Incorrect API key provided: sk-[redacted]'],
    ['nothing in a short sk- word', 'task-sk-1', [], 'task-sk-1'],
    ['no header value unless asked', 'x-api-key: other-key', [], 'x-api-key: other-key'],
    ['a named header written as a header', 'x-api-key: other-key', ['x-api-key'], 'x-api-key: [redacted]'],
    ['a named header written as JSON', '{"X-Api-Key":"other-key"}', ['x-api-key'], '{"x-api-key: [redacted]"}'],
    ['a named header written with =', 'x-api-key=other-key&x=1', ['x-api-key'], 'x-api-key: [redacted]'],
    ['text without secrets', 'the server is overloaded', ['x-api-key'], 'the server is overloaded'],
  ])('redacts %s', (_case, text, secretHeaders, expected) => {
    expect(redactSecrets(text, [SECRET, ''], secretHeaders)).toBe(expected);
  });
});
