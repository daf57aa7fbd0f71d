import type { StructuredOutputMode } from '../../core/spec/language-model';
import { resolveOpenAIStructuredOutput } from './resolve-openai-structured-output';

describe('resolveOpenAIStructuredOutput', () => {
  it.each<[string, StructuredOutputMode]>([
    ['gpt-4', 'none'],
    ['gpt-4-0613', 'none'],
    ['gpt-4-0314', 'none'],
    ['gpt-4-32k', 'none'],
    ['gpt-4-32k-0613', 'none'],
    ['gpt-4-vision-preview', 'none'],
    ['gpt-3.5-turbo-0613', 'none'],
    ['gpt-3.5-turbo-16k', 'none'],
    ['gpt-3.5-turbo-instruct', 'none'],
    ['o1-mini', 'none'],
    ['o1-preview-2024-09-12', 'none'],
    ['gpt-4-turbo', 'json_object'],
    ['gpt-4-turbo-2024-04-09', 'json_object'],
    ['gpt-4-turbo-preview', 'json_object'],
    ['gpt-4-1106-preview', 'json_object'],
    ['gpt-4-0125-preview', 'json_object'],
    ['gpt-3.5-turbo', 'json_object'],
    ['gpt-3.5-turbo-0125', 'json_object'],
    ['gpt-3.5-turbo-1106', 'json_object'],
    ['gpt-4o-2024-05-13', 'json_object'],
    ['gpt-4o', 'json_schema'],
    ['gpt-4o-2024-08-06', 'json_schema'],
    ['gpt-4o-mini', 'json_schema'],
    ['gpt-4.1', 'json_schema'],
    ['gpt-4.1-nano-2025-04-14', 'json_schema'],
    ['gpt-5', 'json_schema'],
    ['gpt-5-mini', 'json_schema'],
    ['o1', 'json_schema'],
    ['o3-mini', 'json_schema'],
    ['o4-mini', 'json_schema'],
    ['llama3.1:8b', 'json_schema'],
    ['GPT-4', 'none'],
    ['openai/gpt-4-turbo', 'json_object'],
    ['ft:gpt-3.5-turbo-0125:acme::8abc', 'json_object'],
    ['ft:gpt-4o-mini-2024-07-18:acme:labels:9xyz', 'json_schema'],
  ])('auto for %s is %s', (model, expected) => {
    expect(resolveOpenAIStructuredOutput({ model, structuredOutput: 'auto' })).toBe(expected);
  });

  it.each<StructuredOutputMode>(['json_schema', 'json_object', 'none'])('keeps an explicit %s', (mode) => {
    expect(resolveOpenAIStructuredOutput({ model: 'gpt-4', structuredOutput: mode })).toBe(mode);
  });
});
