import type { ChatCompletion } from 'openai/resources/chat/completions';

export type ChatCompletionFinishReason = ChatCompletion.Choice['finish_reason'];

export interface ChatCompletionUsageCounts {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ChatCompletionBodyOptions {
  /** The assistant's answer; null for a refusal. Default ''. */
  content?: string | null;
  refusal?: string | null;
  /** Default `stop`. */
  finishReason?: ChatCompletionFinishReason;
  /** Default `gpt-4o-mini-2024-07-18`. */
  model?: string;
  /** Missing counts are estimated from the text (about 4 characters a token). */
  usage?: Partial<ChatCompletionUsageCounts>;
  /** Text the prompt-token estimate is based on. */
  promptText?: string;
  id?: string;
  /** Unix seconds; default now. */
  created?: number;
}

let nextCompletionNumber = 1;

export function estimateTokenCount(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A `chat.completion` object shaped like the real OpenAI Chat Completions API answer. */
export function createChatCompletionBody(options: ChatCompletionBodyOptions = {}): ChatCompletion {
  const content = options.content === undefined ? '' : options.content;
  const refusal = options.refusal ?? null;
  const promptTokens = options.usage?.prompt_tokens ?? estimateTokenCount(options.promptText ?? '');
  const completionTokens = options.usage?.completion_tokens ?? estimateTokenCount(content ?? refusal ?? '');
  return {
    id: options.id ?? `chatcmpl-fake${String(nextCompletionNumber++).padStart(6, '0')}`,
    object: 'chat.completion',
    created: options.created ?? Math.floor(Date.now() / 1000),
    model: options.model ?? 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal, annotations: [] },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: options.usage?.total_tokens ?? promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}
