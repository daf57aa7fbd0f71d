import type { LanguageModelCallOptions } from '../../core/spec/language-model';
import { convertToOpenAIRequest, type MaxTokensParameter } from './convert-to-openai-request';

const SCHEMA = { type: 'object', properties: { label: { type: 'string' } }, required: ['label'], additionalProperties: false };

const TEXT_CALL: LanguageModelCallOptions = {
  messages: [
    { role: 'system', content: 'Label the text.' },
    { role: 'user', content: 'Some text.' },
  ],
  responseFormat: { type: 'text' },
};

describe('convertToOpenAIRequest', () => {
  it.each<[string, Partial<LanguageModelCallOptions>, { extraBody?: Record<string, unknown>; maxTokensParameter?: MaxTokensParameter }, Record<string, unknown>]>([
    ['a plain text call', {}, {}, { model: 'gpt-4o', messages: TEXT_CALL.messages }],
    [
      'strict json_schema output',
      { responseFormat: { type: 'json', mode: 'json_schema', name: 'prediction', schema: SCHEMA } },
      {},
      { model: 'gpt-4o', messages: TEXT_CALL.messages, response_format: { type: 'json_schema', json_schema: { name: 'prediction', schema: SCHEMA, strict: true } } },
    ],
    [
      'json_object output',
      { responseFormat: { type: 'json', mode: 'json_object', name: 'prediction', schema: SCHEMA } },
      {},
      { model: 'gpt-4o', messages: TEXT_CALL.messages, response_format: { type: 'json_object' } },
    ],
    ['a temperature and a token limit', { temperature: 0, maxOutputTokens: 64 }, {}, { model: 'gpt-4o', messages: TEXT_CALL.messages, temperature: 0, max_completion_tokens: 64 }],
    ['the token limit as max_tokens', { maxOutputTokens: 64 }, { maxTokensParameter: 'max_tokens' }, { model: 'gpt-4o', messages: TEXT_CALL.messages, max_tokens: 64 }],
    [
      'extra body fields the call settings win over',
      { maxOutputTokens: 64 },
      { extraBody: { top_k: 40, model: 'other', max_completion_tokens: 1 } },
      { top_k: 40, model: 'gpt-4o', messages: TEXT_CALL.messages, max_completion_tokens: 64 },
    ],
    [
      'images as image_url parts',
      { messages: [{ role: 'user', content: [{ type: 'text', text: 'Which animal?' }, { type: 'image', mediaType: 'image/png', data: 'iVBORw0KGgo=' }, { type: 'image', url: 'https://example.com/cat.webp' }] }] },
      {},
      {
        model: 'gpt-4o',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Which animal?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.webp' } },
            ],
          },
        ],
      },
    ],
  ])('builds the body for %s', (_case, callOptions, target, expectedBody) => {
    const { body, requestOptions } = convertToOpenAIRequest({ modelId: 'gpt-4o', callOptions: { ...TEXT_CALL, ...callOptions }, providerOptions: {}, ...target });

    expect(body).toEqual(expectedBody);
    expect(requestOptions).toEqual({});
  });

  it('passes the abort signal and provider options on, without letting them replace the model', () => {
    const signal = new AbortController().signal;

    const { body, requestOptions } = convertToOpenAIRequest({
      modelId: 'gpt-4o',
      callOptions: { ...TEXT_CALL, abortSignal: signal },
      providerOptions: { seed: 7, user: 'labeler-1' },
    });

    expect(body).toEqual({ seed: 7, user: 'labeler-1', model: 'gpt-4o', messages: TEXT_CALL.messages });
    expect(requestOptions.signal).toBe(signal);
  });

  it.each<[string, Partial<LanguageModelCallOptions>, Record<string, unknown>, Record<string, unknown>]>([
    ['logprobs asked for', { logprobs: true }, {}, { logprobs: true }],
    ['logprobs with top_logprobs from the provider options', { logprobs: true }, { top_logprobs: 3 }, { logprobs: true, top_logprobs: 3 }],
    ['logprobs asked for over a provider option saying false', { logprobs: true }, { logprobs: false }, { logprobs: true }],
    ['logprobs not asked for', { logprobs: false }, {}, {}],
  ])('sends %s', (_case, callOptions, providerOptions, expectedFields) => {
    const { body } = convertToOpenAIRequest({ modelId: 'gpt-4o', callOptions: { ...TEXT_CALL, ...callOptions }, providerOptions });

    expect(body).toEqual({ model: 'gpt-4o', messages: TEXT_CALL.messages, ...expectedFields });
  });
});
