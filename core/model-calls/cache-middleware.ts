import type { LanguageModelResult } from '../spec/language-model';
import type { LanguageModelMiddleware } from '../spec/language-model-middleware';
import { createCacheKey, type AnswerCache } from './answer-cache';

export interface CacheMiddlewareOptions {
  answers: AnswerCache;
  /** What identifies the model beside the call options (provider, base URL, model, provider options). */
  modelKey: Record<string, unknown>;
  /** Whether an answer may be stored: only sound answers are, so one that needs repairing is asked again next time. */
  isUsable: (result: LanguageModelResult) => boolean;
}

/**
 * Never pays twice for the same answer (core/model-calls/answer-cache.ts): a cached answer, or the answer of an
 * identical call in flight; records where the answer came from in the call's context.
 */
export function cacheMiddleware({ answers, modelKey, isUsable }: CacheMiddlewareOptions): LanguageModelMiddleware {
  return {
    async wrapGenerate({ doGenerate, params, context }) {
      const { abortSignal: _abortSignal, ...call } = params;
      const key = createCacheKey({ ...modelKey, sample: context.sample, ...call });
      const { result, source } = await answers.answer(key, () => doGenerate(params, context), isUsable);
      context.answerSource = source;
      return result;
    },
  };
}
