import { messageText } from '../spec/language-model';
import type { CallContext, LanguageModelMiddleware } from '../spec/language-model-middleware';
import type { ProviderSettings } from '../spec/project-settings';
import { callWithAdaptiveTimeout, DEFAULT_ADAPTIVE_TIMEOUT } from './call-with-adaptive-timeout';
import type { ProviderGate } from './provider-gate';

export interface GateMiddlewareOptions {
  gate: ProviderGate;
  provider: ProviderSettings;
  /** The provider and model, as timeouts name them. */
  name: string;
}

/**
 * Each attempt through the provider's gate (concurrency, rate budgets, circuit breaker), cut by an adaptive timeout: a
 * hung call is cut long before `timeout_ms`, from the latency of this provider and model's recent calls; each time a
 * call is cut, its retry gets twice as long.
 */
export function gateMiddleware({ gate, provider, name }: GateMiddlewareOptions): LanguageModelMiddleware {
  /** Attempts of each call cut by the timeout (a context is one call). */
  const timeouts = new WeakMap<CallContext, number>();
  return {
    wrapGenerate({ doGenerate, params, context }) {
      const estimatedTokens = Math.ceil(params.messages.reduce((total, message) => total + messageText(message).length, 0) / 4) + (provider.maxOutputTokens ?? 256);
      const timeout = {
        tracker: gate.latency,
        settings: provider.adaptiveTimeout ?? DEFAULT_ADAPTIVE_TIMEOUT,
        ceilingMs: provider.timeoutMs,
        signal: context.signal,
        provider: name,
        previousTimeouts: timeouts.get(context) ?? 0,
        onTimeout: () => void timeouts.set(context, (timeouts.get(context) ?? 0) + 1),
      };
      return gate.run(() => callWithAdaptiveTimeout((callSignal) => doGenerate({ ...params, abortSignal: callSignal }, context), timeout), {
        estimatedTokens,
        usedTokens: (answer) => (answer.usage.inputTokens ?? 0) + (answer.usage.outputTokens ?? 0) || null,
        signal: context.signal,
      });
    },
  };
}
