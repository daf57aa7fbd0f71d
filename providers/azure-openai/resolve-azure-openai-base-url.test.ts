import { resolveAzureOpenAIBaseURL } from './resolve-azure-openai-base-url';

describe('resolveAzureOpenAIBaseURL', () => {
  it.each([
    ['https://labeling.openai.azure.com', 'https://labeling.openai.azure.com/openai'],
    ['https://labeling.openai.azure.com/', 'https://labeling.openai.azure.com/openai'],
    ['https://labeling.openai.azure.com/openai/', 'https://labeling.openai.azure.com/openai'],
    ['https://gateway.example.com/llm', 'https://gateway.example.com/llm/openai'],
  ])('%s → %s', (endpoint, baseURL) => {
    expect(resolveAzureOpenAIBaseURL(endpoint)).toEqual({ baseURL });
  });

  it.each([
    [undefined, 'no Azure OpenAI endpoint'],
    ['labeling.openai.azure.com', 'not a valid http(s) URL'],
    ['ftp://labeling.openai.azure.com', 'not a valid http(s) URL'],
  ])('refuses %p', (endpoint, problem) => {
    expect(resolveAzureOpenAIBaseURL(endpoint)).toEqual({ problem: expect.stringContaining(problem) });
  });
});
