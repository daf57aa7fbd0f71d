import { describeOrigin } from './describe-origin';

describe('describeOrigin', () => {
  it.each<[string, string]>([
    ['https://api.openai.com/v1', 'https://api.openai.com'],
    ['http://127.0.0.1:8000/v1/chat?token=secret', 'http://127.0.0.1:8000'],
    ['https://user:password@gateway.example.com/openai', 'https://gateway.example.com'],
    ['not a url', 'the configured base URL'],
    ['', 'the configured base URL'],
  ])('describes %j as %j', (baseURL, expected) => {
    expect(describeOrigin(baseURL)).toBe(expected);
  });
});
