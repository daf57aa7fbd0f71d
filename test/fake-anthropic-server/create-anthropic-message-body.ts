import type { ContentBlock, Message, RefusalStopDetails, StopReason } from '@anthropic-ai/sdk/resources/messages';

export interface AnthropicUsageCounts {
  input_tokens: number;
  output_tokens: number;
}

/** A content block of an answer: text, or a call of a tool with its input. */
export type AnthropicAnswerBlock = { type: 'text'; text: string } | { type: 'tool_use'; name: string; input: unknown };

export interface AnthropicMessageBodyOptions {
  /** Default: no content. */
  content?: AnthropicAnswerBlock[];
  /** Default `end_turn`. */
  stopReason?: StopReason | null;
  stopSequence?: string | null;
  stopDetails?: RefusalStopDetails | null;
  /** Default `claude-haiku-4-5-20251001`. */
  model?: string;
  /** Missing counts are estimated from the text (about 4 characters a token). */
  usage?: Partial<AnthropicUsageCounts>;
  /** Text the input-token estimate is based on. */
  promptText?: string;
  id?: string;
}

let nextMessageNumber = 1;
let nextToolUseNumber = 1;

export function estimateTokenCount(text: string): number {
  return Math.ceil(text.length / 4);
}

function convertBlock(block: AnthropicAnswerBlock): ContentBlock {
  if (block.type === 'text') return { type: 'text', text: block.text, citations: null };
  return {
    type: 'tool_use',
    id: `toolu_fake${String(nextToolUseNumber++).padStart(6, '0')}`,
    name: block.name,
    input: block.input,
    caller: { type: 'direct' },
  };
}

function answerTextOf(content: AnthropicAnswerBlock[]): string {
  return content.map((block) => (block.type === 'text' ? block.text : JSON.stringify(block.input))).join('');
}

/** A `message` object shaped like the real Anthropic Messages API answer. */
export function createAnthropicMessageBody(options: AnthropicMessageBodyOptions = {}): Message {
  const content = options.content ?? [];
  return {
    id: options.id ?? `msg_fake${String(nextMessageNumber++).padStart(6, '0')}`,
    type: 'message',
    role: 'assistant',
    model: options.model ?? 'claude-haiku-4-5-20251001',
    content: content.map(convertBlock),
    stop_reason: options.stopReason === undefined ? 'end_turn' : options.stopReason,
    stop_sequence: options.stopSequence ?? null,
    stop_details: options.stopDetails ?? null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: options.usage?.input_tokens ?? estimateTokenCount(options.promptText ?? ''),
      output_tokens: options.usage?.output_tokens ?? Math.max(1, estimateTokenCount(answerTextOf(content))),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      inference_geo: null,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: 'standard',
      speed: null,
    },
  };
}
