import type { StructuredOutputMode } from '../../core/spec/language-model';
import { baseClaudeModelId, isClaude3OrLater } from './base-claude-model-id';
import { resolveAnthropicImageInput } from './resolve-anthropic-image-input';
import { resolveAnthropicStructuredOutput } from './resolve-anthropic-structured-output';

describe('Claude model ids', () => {
  it.each<[string, string, boolean, StructuredOutputMode]>([
    ['claude-haiku-4-5', 'claude-haiku-4-5', true, 'json_schema'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', true, 'json_schema'],
    ['claude-opus-5-5', 'claude-opus-5-5', true, 'json_schema'],
    ['claude-fable-5-2', 'claude-fable-5-2', true, 'json_schema'],
    ['claude-3-haiku-20240307', 'claude-3-haiku-20240307', true, 'json_schema'],
    ['claude-3-5-sonnet-latest', 'claude-3-5-sonnet-latest', true, 'json_schema'],
    ['anthropic/claude-3.5-sonnet', 'claude-3.5-sonnet', true, 'json_schema'],
    ['us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-3-5-sonnet-20240620-v1:0', true, 'json_schema'],
    ['claude-3-5-sonnet@20240620', 'claude-3-5-sonnet@20240620', true, 'json_schema'],
    ['Claude-Sonnet-4-6', 'claude-sonnet-4-6', true, 'json_schema'],
    ['claude-2.1', 'claude-2.1', false, 'none'],
    ['claude-2', 'claude-2', false, 'none'],
    ['claude-instant-1.2', 'claude-instant-1.2', false, 'none'],
    ['anthropic.claude-v2:1', 'claude-v2:1', false, 'none'],
    ['anthropic.claude-instant-v1', 'claude-instant-v1', false, 'none'],
    ['llama3.1:8b', 'llama3.1:8b', false, 'json_schema'],
  ])('%s: base id %s, Claude 3 or later %p, auto structured output %s', (model, baseId, claude3OrLater, structuredOutput) => {
    expect(baseClaudeModelId(model)).toBe(baseId);
    expect(isClaude3OrLater(model)).toBe(claude3OrLater);
    expect(resolveAnthropicStructuredOutput({ model, structuredOutput: 'auto' })).toBe(structuredOutput);
    expect(resolveAnthropicImageInput({ model })).toBe(claude3OrLater);
  });

  it.each<StructuredOutputMode>(['json_schema', 'json_object', 'none'])('keeps an explicit structured output %s', (mode) => {
    expect(resolveAnthropicStructuredOutput({ model: 'claude-2', structuredOutput: mode })).toBe(mode);
  });

  it.each([true, false])('keeps an explicit accepts_images %p', (acceptsImages) => {
    expect(resolveAnthropicImageInput({ model: 'claude-2', acceptsImages })).toBe(acceptsImages);
    expect(resolveAnthropicImageInput({ model: 'claude-haiku-4-5', acceptsImages })).toBe(acceptsImages);
  });
});
