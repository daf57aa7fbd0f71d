import type { ChatCompletion } from 'openai/resources/chat/completions';

export type ChatCompletionFinishReason = ChatCompletion.Choice['finish_reason'];

export interface ChatCompletionUsageCounts {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface ScriptedTokenLogprob {
  token: string;
  logprob: number;
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
  /** `choice.logprobs.content`, each token with its UTF-8 `bytes`; default (or null) `logprobs: null`. */
  logprobs?: ScriptedTokenLogprob[] | null;
  /** Alternatives per token in `top_logprobs` (the request's `top_logprobs`): the token itself, then nothing. Default 0. */
  topLogprobs?: number;
}

/** Characters (code points, so no surrogate pair is split) per token of `splitIntoFakeTokens`. */
export const FAKE_TOKEN_CHARACTERS = 4;

/**
 * The default tokens of an answer whose request asked for logprobs: the text cut every `FAKE_TOKEN_CHARACTERS` code
 * points, each with logprob 0 (probability 1). Deterministic, and the tokens concatenate to the text.
 */
export function splitIntoFakeTokens(text: string): ScriptedTokenLogprob[] {
  const codePoints = [...text];
  const tokens: ScriptedTokenLogprob[] = [];
  for (let index = 0; index < codePoints.length; index += FAKE_TOKEN_CHARACTERS) {
    tokens.push({ token: codePoints.slice(index, index + FAKE_TOKEN_CHARACTERS).join(''), logprob: 0 });
  }
  return tokens;
}

function createLogprobs(tokens: ScriptedTokenLogprob[], topLogprobs: number): ChatCompletion.Choice.Logprobs {
  return {
    content: tokens.map(({ token, logprob }) => {
      const bytes = [...Buffer.from(token, 'utf8')];
      return { token, logprob, bytes, top_logprobs: topLogprobs > 0 ? [{ token, logprob, bytes }] : [] };
    }),
    refusal: null,
  };
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
        logprobs: options.logprobs ? createLogprobs(options.logprobs, options.topLogprobs ?? 0) : null,
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
