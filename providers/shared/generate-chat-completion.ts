import type OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { ProviderCallError } from '../../core/errors';
import type { LanguageModelCallOptions, LanguageModelResult, LanguageModelWarning, TokenLogprob } from '../../core/spec/language-model';
import type { OpenAIProviderOptions } from './convert-openai-provider-options';
import { convertToOpenAIRequest, type MaxTokensParameter } from './convert-to-openai-request';
import { createCallDeadline } from './create-call-deadline';
import { mapOpenAIError } from './map-openai-error';
import { mapOpenAIFinishReason } from './map-openai-finish-reason';

/** Everything one Chat Completions call needs besides the call options; built once per adapter. */
export interface ChatCompletionTarget {
  /** Built with `maxRetries: 0` and `timeout: timeoutMs`. */
  client: OpenAI;
  /** The registry name errors carry, e.g. `openai`. */
  provider: string;
  /** How error messages name the service, e.g. `the OpenAI API`. */
  apiName: string;
  /** Only its origin appears in error messages. */
  baseURL: string;
  timeoutMs: number;
  /** Values that must never appear in an error message: API keys, tokens. */
  secrets: string[];
  /** The `model` of the request body. */
  modelId: string;
  providerOptions: OpenAIProviderOptions;
  extraBody?: Record<string, unknown>;
  maxTokensParameter?: MaxTokensParameter;
  /** Warnings about the settings, returned with every result. */
  warnings: LanguageModelWarning[];
}

/**
 * Each content token with its log-probability; undefined when the answer has none, or when an OpenAI-compatible server
 * sent entries without a string `token` and a finite `logprob` (a confidence must not be built on them).
 */
function readTokenLogprobs(logprobs: ChatCompletion.Choice['logprobs'] | undefined): TokenLogprob[] | undefined {
  const content: unknown = logprobs?.content;
  if (!Array.isArray(content)) return undefined;
  const tokenLogprobs: TokenLogprob[] = [];
  for (const entry of content as unknown[]) {
    const { token, logprob } = (entry ?? {}) as Partial<TokenLogprob>;
    if (typeof token !== 'string' || typeof logprob !== 'number' || !Number.isFinite(logprob)) return undefined;
    tokenLogprobs.push({ token, logprob });
  }
  return tokenLogprobs;
}

/**
 * One `chat.completions.create` call through the `openai` SDK → LanguageModelResult, with errors mapped by
 * `mapOpenAIError`. Shared by every adapter that speaks Chat Completions.
 */
export async function generateChatCompletion(
  target: ChatCompletionTarget,
  options: LanguageModelCallOptions,
): Promise<LanguageModelResult> {
  const { deadlineSignal, signal, release } = createCallDeadline(target.timeoutMs, options.abortSignal);
  const { body, requestOptions } = convertToOpenAIRequest({
    modelId: target.modelId,
    callOptions: { ...options, abortSignal: signal },
    providerOptions: target.providerOptions,
    extraBody: target.extraBody,
    maxTokensParameter: target.maxTokensParameter,
  });

  const startedAt = Date.now();
  let completion: ChatCompletion;
  try {
    completion = await target.client.chat.completions.create(body, requestOptions);
  } catch (error) {
    throw mapOpenAIError(error, {
      provider: target.provider,
      apiName: target.apiName,
      abortSignal: options.abortSignal,
      deadlineSignal,
      timeoutMs: target.timeoutMs,
      elapsedMs: Date.now() - startedAt,
      baseURL: target.baseURL,
      secrets: target.secrets,
    });
  } finally {
    release();
  }

  const choice =
    typeof completion === 'object' && completion !== null && Array.isArray(completion.choices)
      ? completion.choices[0]
      : undefined;
  if (!choice?.message) {
    throw new ProviderCallError(`${target.apiName} answered without a chat completion choice`, {
      provider: target.provider,
      isRetryable: true,
    });
  }

  const refusal = choice.message.refusal;
  const tokenLogprobs = options.logprobs ? readTokenLogprobs(choice.logprobs) : undefined;
  return {
    text: choice.message.content ?? '',
    finishReason: { unified: mapOpenAIFinishReason(choice.finish_reason), raw: choice.finish_reason ?? undefined },
    ...(refusal && { refusal }),
    usage: {
      inputTokens: completion.usage?.prompt_tokens ?? null,
      outputTokens: completion.usage?.completion_tokens ?? null,
    },
    warnings: [...target.warnings],
    responseModelId: completion.model,
    ...(tokenLogprobs && { tokenLogprobs }),
  };
}
