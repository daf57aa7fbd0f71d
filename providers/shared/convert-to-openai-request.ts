import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LanguageModelCallOptions, ResponseFormat } from '../../core/spec/language-model';
import type { OpenAIProviderOptions } from './convert-openai-provider-options';
import { convertToOpenAIMessages } from './convert-to-openai-messages';

/**
 * How the output token limit is sent: OpenAI and recent Azure API versions take `max_completion_tokens`; most other
 * servers, and Azure before 2024-09-01, only `max_tokens`.
 */
export type MaxTokensParameter = 'max_completion_tokens' | 'max_tokens';

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
  extraBody = {},
  maxTokensParameter = 'max_completion_tokens',
}: {
  modelId: string;
  callOptions: LanguageModelCallOptions;
  providerOptions: OpenAIProviderOptions;
  /** Server-specific body fields; the model, messages, response format and the fields above win over them. */
  extraBody?: Record<string, unknown>;
  maxTokensParameter?: MaxTokensParameter;
}): { body: ChatCompletionCreateParamsNonStreaming; requestOptions: { signal?: AbortSignal } } {
  const responseFormat = convertResponseFormat(callOptions.responseFormat);
  return {
    body: {
      ...extraBody,
      ...providerOptions,
      model: modelId,
      messages: convertToOpenAIMessages(callOptions.messages),
      ...(responseFormat && { response_format: responseFormat }),
      ...(callOptions.temperature !== undefined && { temperature: callOptions.temperature }),
      ...(callOptions.maxOutputTokens !== undefined && { [maxTokensParameter]: callOptions.maxOutputTokens }),
      ...(callOptions.logprobs && { logprobs: true }),
    },
    requestOptions: callOptions.abortSignal ? { signal: callOptions.abortSignal } : {},
  };
}
