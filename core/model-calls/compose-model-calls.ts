import { describeError } from '../errors';
import type { LanguageModelResult } from '../spec/language-model';
import type { Logger } from '../spec/logger';
import type { CallLabels, PipelineObserver } from '../spec/pipeline-observer';
import type { ModelCandidate } from './model-candidate';
import type { RetrySettings } from '../spec/project-settings';
import type { AnswerCache } from './answer-cache';
import { cacheMiddleware } from './cache-middleware';
import { FallbackLanguageModel } from './fallback-language-model';
import { gateMiddleware } from './gate-middleware';
import { observeMiddleware } from './observe-middleware';
import { retryMiddleware } from './retry-middleware';
import { wrapLanguageModel } from './wrap-language-model';

export interface ComposeModelCallsOptions {
  /** The project's provider, then its fallbacks. */
  candidates: ReadonlyArray<ModelCandidate & { labels: CallLabels }>;
  answers: AnswerCache;
  retry: RetrySettings;
  observer: PipelineObserver;
  logger: Logger;
  /** Whether candidate `index`'s answer may be cached (usable and sound for the project's targets). */
  isUsable: (result: LanguageModelResult, index: number) => boolean;
}

/**
 * Every model call of a project, in one order: the project's provider, then each fallback while the one before is
 * down; each candidate's call is observed → answered from the cache or a shared call in flight → retried → gated and
 * timed → sent to the model.
 */
export function composeModelCalls(options: ComposeModelCallsOptions): FallbackLanguageModel {
  const { answers, retry, observer, logger } = options;
  const loggedWarnings = new Set<string>();
  const models = options.candidates.map(({ model, gate, provider, labels }, index) =>
    wrapLanguageModel(model, [
      observeMiddleware({ observer, logger, labels, loggedWarnings }),
      cacheMiddleware({
        answers,
        modelKey: { provider: provider.name, baseUrl: provider.baseUrl, model: provider.model, options: provider.options },
        isUsable: (result) => options.isUsable(result, index),
      }),
      retryMiddleware(retry, ({ attempt, delayMs, error }, context) => {
        observer.callFailed({ ...labels, code: describeError(error).code ?? 'UNKNOWN', retrying: true });
        logger.warn({ taskId: context.taskId, attempt, delayMs, error: describeError(error) }, 'provider call failed; retrying');
      }),
      gateMiddleware({ gate, provider, name: `${labels.provider} (${labels.model})` }),
    ]),
  );
  return new FallbackLanguageModel(models, ({ error, next, context }) => {
    const fallback = (options.candidates[next] as { labels: CallLabels }).labels;
    logger.warn({ taskId: context.taskId, error: describeError(error), fallback }, 'provider is down; asking the next one');
  });
}
