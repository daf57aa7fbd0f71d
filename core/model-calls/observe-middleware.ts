import { describeError } from '../errors';
import type { LanguageModelMiddleware } from '../spec/language-model-middleware';
import type { Logger } from '../spec/logger';
import type { CallLabels, PipelineObserver } from '../spec/pipeline-observer';

export interface ObserveMiddlewareOptions {
  observer: PipelineObserver;
  logger: Logger;
  labels: CallLabels;
  /** Provider warnings already logged, shared by a pipeline's models: each is logged once, not once per task. */
  loggedWarnings: Set<string>;
}

/**
 * Reports each call to the observer (an answer obtained, with where it came from and how long it took, or a failed
 * call after its retries) and logs the provider's warnings once.
 */
export function observeMiddleware({ observer, logger, labels, loggedWarnings }: ObserveMiddlewareOptions): LanguageModelMiddleware {
  return {
    async wrapGenerate({ doGenerate, params, context }) {
      const started = performance.now();
      try {
        const result = await doGenerate(params, context);
        const source = context.answerSource ?? 'provider';
        observer.answerObtained({ ...labels, source, usage: source === 'provider' ? result.usage : null, latencyMs: performance.now() - started });
        for (const warning of result.warnings) {
          if (loggedWarnings.has(warning.message)) continue;
          loggedWarnings.add(warning.message);
          logger.warn({ provider: labels.provider, setting: warning.setting }, warning.message);
        }
        return result;
      } catch (error) {
        observer.callFailed({ ...labels, code: describeError(error).code ?? 'UNKNOWN', retrying: false });
        throw error;
      }
    },
  };
}
