import { createFakeOpenAIServer, type FakeOpenAIServer } from '../../test/fake-openai-server';
import { createOpenAIClient, type OpenAIClientSettings } from './create-openai-client';
import { PLACEHOLDER_API_KEY } from './placeholder-api-key';

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await createFakeOpenAIServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

describe('createOpenAIClient', () => {
  it.each<[string, Omit<OpenAIClientSettings, 'baseURL'>, object, string | undefined]>([
    [
      'a key, an organization and a project',
      { apiKey: 'sk-test-key', timeoutMs: 1_234, organization: 'org-1', project: 'proj-1' },
      { apiKey: 'sk-test-key', organization: 'org-1', project: 'proj-1' },
      'Bearer sk-test-key',
    ],
    ['only a key', { apiKey: 'sk-test-key', timeoutMs: 1_234 }, { apiKey: 'sk-test-key', organization: null, project: null }, 'Bearer sk-test-key'],
    ['no key', { apiKey: undefined, timeoutMs: 1_234 }, { apiKey: PLACEHOLDER_API_KEY, organization: null, project: null }, undefined],
  ])('with %s, builds a client that never retries and reads nothing from process.env', async (_case, options, expected, authorization) => {
    const client = createOpenAIClient({ ...options, baseURL: server.baseURL });

    await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });

    expect(client).toMatchObject({ ...expected, baseURL: server.baseURL, maxRetries: 0, timeout: 1_234, adminAPIKey: null, webhookSecret: null });
    expect(server.requests[0]?.headers.authorization).toBe(authorization);
  });
});
