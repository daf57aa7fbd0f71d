import type { CallContext, LanguageModelMiddleware } from '../spec/language-model-middleware';
import type { RetrySettings } from '../spec/project-settings';
import { withRetry } from './retry';

/** Told before each retry's wait, with the call's context. */
export type RetryListener = (retry: { attempt: number; delayMs: number; error: unknown }, context: CallContext) => void;

/** Retries the calls inside it with core/model-calls/retry.ts, the one retry layer; the task's signal ends the waits. */
export function retryMiddleware(settings: RetrySettings, onRetry?: RetryListener): LanguageModelMiddleware {
  return {
    wrapGenerate: ({ doGenerate, params, context }) =>
      withRetry(() => doGenerate(params, context), settings, context.signal, { ...(onRetry && { onRetry: (retry) => onRetry(retry, context) }) }),
  };
}
