import { supportsOpenAILogprobs } from './supports-openai-logprobs';

describe('supportsOpenAILogprobs', () => {
  it.each([
    ['gpt-4o', true],
    ['gpt-4o-mini-2024-07-18', true],
    ['gpt-4.1-nano', true],
    ['gpt-3.5-turbo', true],
    ['openai/gpt-4o', true],
    ['ft:gpt-4o-mini-2024-07-18:acme::x1', true],
    ['gpt-5-chat-latest', true],
    ['o1', false],
    ['o1-mini', false],
    ['o3', false],
    ['O3-Mini', false],
    ['o4-mini', false],
    ['openai/o3-mini', false],
    ['gpt-5', false],
    ['gpt-5-nano-2025-08-07', false],
  ])('%s → %s', (modelId, expected) => {
    expect(supportsOpenAILogprobs(modelId)).toBe(expected);
  });
});
