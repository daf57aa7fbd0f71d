import type { MessageCreateParamsNonStreaming, Tool } from '@anthropic-ai/sdk/resources/messages';
import type { LanguageModelCallOptions, LanguageModelWarning, ResponseFormat } from '../../core/spec/language-model';
import type { AnthropicProviderOptions } from './convert-anthropic-provider-options';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages';

/** The Messages API requires `max_tokens`; this is sent when the settings give no `max_output_tokens`. */
export const DEFAULT_MAX_TOKENS = 1024;

const ANSWER_TOOL_DESCRIPTION =
  'Give your answer by calling this tool. Its input is the answer itself, shaped exactly as the input schema says.';

export interface AnthropicRequest {
  body: MessageCreateParamsNonStreaming;
  requestOptions: { signal?: AbortSignal };
  /** The tool the model is made to call, whose input is the answer; undefined for a text answer. */
  answerToolName?: string;
  warnings: LanguageModelWarning[];
}

/** A tool name the API takes (`^[a-zA-Z0-9_-]{1,64}$`) from the response format's name. */
export function convertToToolName(name: string): string {
  const toolName = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return toolName || 'answer';
}

function convertResponseFormat(responseFormat: ResponseFormat): {
  tools?: Tool[];
  tool_choice?: MessageCreateParamsNonStreaming['tool_choice'];
  warnings: LanguageModelWarning[];
} {
  if (responseFormat.type === 'text') return { warnings: [] };
  if (responseFormat.mode === 'json_object') {
    return {
      warnings: [
        {
          type: 'unsupported-setting',
          setting: 'provider.structured_output',
          message: 'the Anthropic Messages API has no JSON mode: the answer was asked for as text, and only the prompt asks for JSON',
        },
      ],
    };
  }
  const name = convertToToolName(responseFormat.name);
  return {
    tools: [{ name, description: ANSWER_TOOL_DESCRIPTION, input_schema: responseFormat.schema as Tool.InputSchema }],
    tool_choice: { type: 'tool', name, disable_parallel_tool_use: true },
    warnings: [],
  };
}

/**
 * API version 2026-10-21 (the SDK's) answers 400 to `temperature`, `top_p` and `top_k`, even at their defaults, so a
 * configured temperature is reported and not sent.
 */
function reportTemperature(temperature: number | undefined): LanguageModelWarning[] {
  if (temperature === undefined) return [];
  return [
    {
      type: 'unsupported-setting',
      setting: 'provider.temperature',
      message: `temperature ${temperature} was not sent: the Anthropic Messages API (version 2026-10-21) takes no sampling parameters`,
    },
  ];
}

/**
 * Call options → the `messages.create` body and request options. A JSON schema answer is asked for through a forced
 * call of one tool whose `input_schema` is the answer schema.
 */
export function convertToAnthropicRequest({
  modelId,
  callOptions,
  providerOptions,
}: {
  modelId: string;
  callOptions: LanguageModelCallOptions;
  providerOptions: AnthropicProviderOptions;
}): AnthropicRequest {
  const { system, messages } = convertToAnthropicMessages(callOptions.messages);
  const { tools, tool_choice, warnings: formatWarnings } = convertResponseFormat(callOptions.responseFormat);
  return {
    body: {
      ...providerOptions,
      model: modelId,
      max_tokens: callOptions.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
      ...(system !== undefined && { system }),
      messages,
      ...(tools && { tools, tool_choice }),
    },
    requestOptions: callOptions.abortSignal ? { signal: callOptions.abortSignal } : {},
    answerToolName: tools?.[0]?.name,
    warnings: [...formatWarnings, ...reportTemperature(callOptions.temperature)],
  };
}
