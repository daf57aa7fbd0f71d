import type { LanguageModelCallOptions, ResponseFormat } from '../../core/spec/language-model';
import { convertToAnthropicRequest, convertToToolName, DEFAULT_MAX_TOKENS } from './convert-to-anthropic-request';

const SCHEMA = {
  type: 'object',
  properties: { sentiment: { type: 'string', enum: ['positive', 'negative'] } },
  required: ['sentiment'],
  additionalProperties: false,
};

const SCHEMA_FORMAT: ResponseFormat = { type: 'json', mode: 'json_schema', name: 'label_studio_prediction', schema: SCHEMA };

const USER_TEXT = { role: 'user', content: 'I love it.' } as const;

function convert(callOptions: Partial<LanguageModelCallOptions>, providerOptions = {}) {
  return convertToAnthropicRequest({
    modelId: 'claude-haiku-4-5',
    callOptions: { messages: [USER_TEXT], responseFormat: { type: 'text' }, ...callOptions },
    providerOptions,
  });
}

describe('convertToAnthropicRequest', () => {
  describe('messages', () => {
    it.each<[string, LanguageModelCallOptions['messages'], { system?: string; messages: unknown[] }]>([
      ['a user message alone', [USER_TEXT], { messages: [{ role: 'user', content: 'I love it.' }] }],
      [
        'a system message, to the top-level system',
        [{ role: 'system', content: 'Classify.' }, USER_TEXT],
        { system: 'Classify.', messages: [{ role: 'user', content: 'I love it.' }] },
      ],
      [
        'several system messages, joined in order',
        [{ role: 'system', content: 'Classify.' }, USER_TEXT, { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }],
        { system: 'Classify.\n\nBe brief.', messages: [{ role: 'user', content: 'I love it.' }] },
      ],
      [
        'an assistant turn, as text',
        [USER_TEXT, { role: 'assistant', content: [{ type: 'text', text: '{"sentiment":' }] }],
        { messages: [{ role: 'user', content: 'I love it.' }, { role: 'assistant', content: '{"sentiment":' }] },
      ],
      [
        'a base64 image, as an image block with a base64 source',
        [{ role: 'user', content: [{ type: 'text', text: 'What is it?' }, { type: 'image', mediaType: 'image/png', data: 'iVBORw0KGgo=' }] }],
        {
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'What is it?' },
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
              ],
            },
          ],
        },
      ],
      [
        'an image URL, as an image block with a url source',
        [{ role: 'user', content: [{ type: 'image', url: 'https://example.com/cat.jpg' }] }],
        { messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } }] }] },
      ],
    ])('converts %s', (_, messages, expected) => {
      const { body } = convert({ messages });

      expect({ system: body.system, messages: body.messages }).toEqual({ system: expected.system, messages: expected.messages });
      if (expected.system === undefined) expect(body).not.toHaveProperty('system');
    });
  });

  describe('answer format', () => {
    it('asks for a JSON schema answer through one forced tool whose input_schema is the schema', () => {
      const { body, answerToolName, warnings } = convert({ responseFormat: SCHEMA_FORMAT });

      expect(body.tools).toEqual([{ name: 'label_studio_prediction', description: expect.any(String), input_schema: SCHEMA }]);
      expect(body.tool_choice).toEqual({ type: 'tool', name: 'label_studio_prediction', disable_parallel_tool_use: true });
      expect(answerToolName).toBe('label_studio_prediction');
      expect(warnings).toEqual([]);
    });

    it('sends a text call without tools', () => {
      const { body, answerToolName, warnings } = convert({ responseFormat: { type: 'text' } });

      expect(body).not.toHaveProperty('tools');
      expect(body).not.toHaveProperty('tool_choice');
      expect(answerToolName).toBeUndefined();
      expect(warnings).toEqual([]);
    });

    it('sends a json_object call as text, with a warning that only the prompt asks for JSON', () => {
      const { body, answerToolName, warnings } = convert({ responseFormat: { ...SCHEMA_FORMAT, mode: 'json_object' } });

      expect(body).not.toHaveProperty('tools');
      expect(answerToolName).toBeUndefined();
      expect(warnings).toEqual([
        { type: 'unsupported-setting', setting: 'provider.structured_output', message: expect.stringContaining('no JSON mode') },
      ]);
    });

    it.each([
      ['label_studio_prediction', 'label_studio_prediction'],
      ['label studio.prediction/v1', 'label_studio_prediction_v1'],
      ['x'.repeat(80), 'x'.repeat(64)],
      ['', 'answer'],
    ])('makes the tool name %j %j', (name, toolName) => {
      expect(convertToToolName(name)).toBe(toolName);
    });
  });

  describe('limits and settings', () => {
    it.each<[number | undefined, number]>([
      [undefined, DEFAULT_MAX_TOKENS],
      [256, 256],
      [8192, 8192],
    ])('sends max_tokens for maxOutputTokens %p as %p', (maxOutputTokens, maxTokens) => {
      expect(convert({ maxOutputTokens }).body.max_tokens).toBe(maxTokens);
    });

    it('defaults max_tokens to 1024', () => {
      expect(DEFAULT_MAX_TOKENS).toBe(1024);
    });

    it.each([0, 0.7, 1.5])('never sends temperature %p, and warns about it', (temperature) => {
      const { body, warnings } = convert({ temperature });

      expect(body).not.toHaveProperty('temperature');
      expect(warnings).toEqual([
        { type: 'unsupported-setting', setting: 'provider.temperature', message: expect.stringContaining(`temperature ${temperature} was not sent`) },
      ]);
    });

    it('passes provider options through, never over the model, messages, limit or tools', () => {
      const hostileOptions = { model: 'claude-2', messages: [], max_tokens: 1, tools: [], stop_sequences: ['###'] };

      const { body } = convert({ responseFormat: SCHEMA_FORMAT, maxOutputTokens: 300 }, hostileOptions);

      expect(body).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 300, messages: [{ role: 'user' }], stop_sequences: ['###'] });
      expect(body.tools).toHaveLength(1);
    });

    it('passes the abort signal as a request option', () => {
      const signal = new AbortController().signal;

      expect(convert({ abortSignal: signal }).requestOptions).toEqual({ signal });
      expect(convert({}).requestOptions).toEqual({});
    });
  });
});
