import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { LanguageModelResult } from '../../core/spec/language-model';
import { createAnthropicMessageBody, type AnthropicMessageBodyOptions } from '../../test/fake-anthropic-server';
import { convertAnthropicMessage, isAnthropicMessage } from './convert-anthropic-message';

const TOOL = 'label_studio_prediction';
const USAGE = { input_tokens: 40, output_tokens: 9 };

function message(options: AnthropicMessageBodyOptions): Message {
  return createAnthropicMessageBody({ model: 'claude-haiku-4-5-20251001', usage: USAGE, ...options });
}

describe('convertAnthropicMessage', () => {
  it.each<[string, Message, string | undefined, Partial<LanguageModelResult>]>([
    [
      'the forced tool call, as the JSON of its input',
      message({ content: [{ type: 'tool_use', name: TOOL, input: { sentiment: 'positive' } }], stopReason: 'tool_use' }),
      TOOL,
      { text: '{"sentiment":"positive"}', finishReason: { unified: 'stop', raw: 'tool_use' } },
    ],
    [
      'the forced tool call after some text, ignoring the text',
      message({
        content: [
          { type: 'text', text: 'Sure.' },
          { type: 'tool_use', name: TOOL, input: { sentiment: 'neutral' } },
        ],
        stopReason: 'tool_use',
      }),
      TOOL,
      { text: '{"sentiment":"neutral"}', finishReason: { unified: 'stop', raw: 'tool_use' } },
    ],
    [
      'a call of another tool, as tool calls with the written text',
      message({ content: [{ type: 'text', text: 'Let me look.' }, { type: 'tool_use', name: 'web_search', input: {} }], stopReason: 'tool_use' }),
      TOOL,
      { text: 'Let me look.', finishReason: { unified: 'tool-calls', raw: 'tool_use' } },
    ],
    [
      'a partial tool call cut at max_tokens',
      message({ content: [{ type: 'tool_use', name: TOOL, input: {} }], stopReason: 'max_tokens' }),
      TOOL,
      { text: '{}', finishReason: { unified: 'length', raw: 'max_tokens' } },
    ],
    [
      'text blocks, joined',
      message({ content: [{ type: 'text', text: '{"sentiment":' }, { type: 'text', text: '"negative"}' }] }),
      undefined,
      { text: '{"sentiment":"negative"}', finishReason: { unified: 'stop', raw: 'end_turn' } },
    ],
    [
      'a stop sequence',
      message({ content: [{ type: 'text', text: 'positive' }], stopReason: 'stop_sequence', stopSequence: '###' }),
      undefined,
      { text: 'positive', finishReason: { unified: 'stop', raw: 'stop_sequence' } },
    ],
    [
      'text cut at max_tokens',
      message({ content: [{ type: 'text', text: 'The sentim' }], stopReason: 'max_tokens' }),
      undefined,
      { text: 'The sentim', finishReason: { unified: 'length', raw: 'max_tokens' } },
    ],
    [
      'no content',
      message({ content: [] }),
      TOOL,
      { text: '', finishReason: { unified: 'stop', raw: 'end_turn' } },
    ],
  ])('reads %s', (_, body, answerToolName, expected) => {
    const result = convertAnthropicMessage(body, answerToolName);

    expect(result).toEqual({
      usage: { inputTokens: 40, outputTokens: 9 },
      responseModelId: 'claude-haiku-4-5-20251001',
      ...expected,
    });
  });

  it.each<[string, AnthropicMessageBodyOptions, string]>([
    [
      'its explanation',
      { stopDetails: { type: 'refusal', category: 'cyber', explanation: 'This could enable harm.' }, content: [{ type: 'text', text: 'I' }] },
      'This could enable harm.',
    ],
    ['the text written before it', { stopDetails: { type: 'refusal', category: null, explanation: null }, content: [{ type: 'text', text: 'I cannot help.' }] }, 'I cannot help.'],
    ['a description when there is nothing else', { stopDetails: null, content: [] }, 'the model declined to answer (stop reason "refusal")'],
  ])('reports a refusal with %s, finish reason content-filter', (_, options, refusal) => {
    const result = convertAnthropicMessage(message({ ...options, stopReason: 'refusal' }), TOOL);

    expect(result).toMatchObject({ refusal, finishReason: { unified: 'content-filter', raw: 'refusal' } });
  });

  it('reads missing usage counts as unknown', () => {
    const body = { ...message({ content: [] }), usage: {} } as unknown as Message;

    expect(convertAnthropicMessage(body, undefined).usage).toEqual({ inputTokens: null, outputTokens: null });
  });
});

describe('isAnthropicMessage', () => {
  it.each<[unknown, boolean]>([
    [createAnthropicMessageBody(), true],
    [{ content: [] }, true],
    ['upstream is warming up', false],
    [{ object: 'list', data: [] }, false],
    [null, false],
    [undefined, false],
  ])('says %j is a message: %p', (value, expected) => {
    expect(isAnthropicMessage(value)).toBe(expected);
  });
});
