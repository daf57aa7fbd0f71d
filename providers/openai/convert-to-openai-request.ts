import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LanguageModelCallOptions, ResponseFormat } from '../../core/language-model';
import type { OpenAIProviderOptions } from './convert-openai-provider-options';
import { convertToOpenAIMessages } from './convert-to-openai-messages';

function convertResponseFormat(responseFormat: ResponseFormat): ChatCompletionCreateParamsNonStreaming['response_format'] {
  if (responseFormat.type === 'text') return undefined;
  if (responseFormat.mode === 'json_object') return { type: 'json_object' };
  return {
    type: 'json_schema',
    json_schema: { name: responseFormat.name, schema: responseFormat.schema, strict: true },
  };
}

/** Call options → the `chat.completions.create` body and request options. */
export function convertToOpenAIRequest({
  modelId,
  callOptions,
  providerOptions,
}: {
  modelId: string;
  callOptions: LanguageModelCallOptions;
  providerOptions: OpenAIProviderOptions;
}): { body: ChatCompletionCreateParamsNonStreaming; requestOptions: { signal?: AbortSignal } } {
  const responseFormat = convertResponseFormat(callOptions.responseFormat);
  return {
    body: {
      ...providerOptions,
      model: modelId,
      messages: convertToOpenAIMessages(callOptions.messages),
      ...(responseFormat && { response_format: responseFormat }),
      ...(callOptions.temperature !== undefined && { temperature: callOptions.temperature }),
      ...(callOptions.maxOutputTokens !== undefined && { max_completion_tokens: callOptions.maxOutputTokens }),
    },
    requestOptions: callOptions.abortSignal ? { signal: callOptions.abortSignal } : {},
  };
}
