import type { Message, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages';
import type { LanguageModelResult } from '../../core/spec/language-model';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason';

function countOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Whether an answer body is a Messages API `message` we can read (a proxy may send anything with a 200). */
export function isAnthropicMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && Array.isArray((value as { content?: unknown }).content);
}

/**
 * A `message` → the result, warnings aside. With an answer tool, the answer text is the JSON of that tool call's
 * input; otherwise it is the text blocks, joined.
 */
export function convertAnthropicMessage(
  message: Message,
  answerToolName: string | undefined,
): Omit<LanguageModelResult, 'warnings'> {
  const answerToolCall = message.content.find(
    (block): block is ToolUseBlock => block.type === 'tool_use' && answerToolName !== undefined && block.name === answerToolName,
  );
  const writtenText = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  const text = answerToolCall ? JSON.stringify(answerToolCall.input ?? {}) : writtenText;
  const refusal =
    message.stop_reason === 'refusal'
      ? message.stop_details?.explanation || writtenText || 'the model declined to answer (stop reason "refusal")'
      : undefined;
  return {
    text,
    finishReason: { unified: mapAnthropicStopReason(message.stop_reason, answerToolCall !== undefined), raw: message.stop_reason ?? undefined },
    ...(refusal && { refusal }),
    usage: { inputTokens: countOrNull(message.usage?.input_tokens), outputTokens: countOrNull(message.usage?.output_tokens) },
    ...(typeof message.model === 'string' && { responseModelId: message.model }),
  };
}
