import { setTimeout as sleep } from 'node:timers/promises';
import { AbortedError, PrelabelError, RetryExhaustedError } from '../errors';
import type { RetrySettings } from '../spec/project-settings';

/** The longest `retry-after` we wait; a provider asking for more is treated as down. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface RetryHooks {
  /** Called before each wait, e.g. to count retries. */
  onRetry?: (details: { attempt: number; delayMs: number; error: unknown }) => void;
  /** A random source in [0, 1), replaceable in tests. */
  random?: () => number;
  /** The wait, replaceable in tests. */
  wait?: (delayMs: number, signal?: AbortSignal) => Promise<void>;
}

function isRetryable(error: unknown): boolean {
  return PrelabelError.isInstance(error) && error.isRetryable;
}

function retryAfterMs(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Exponential backoff with full jitter, never shorter than what the provider asked for. */
export function computeRetryDelay(attempt: number, error: unknown, settings: RetrySettings, random: () => number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** (attempt - 1));
  const backoff = Math.round(ceiling * (0.5 + random() / 2));
  return Math.max(backoff, retryAfterMs(error) ?? 0);
}

/**
 * The one retry layer of prelabel. Retries only errors marked retryable (408, 409, 429, 5xx, connection errors,
 * timeouts), honours `retry-after`, never retries an abort, and ends with RetryExhaustedError listing every attempt.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  settings: RetrySettings,
  signal?: AbortSignal,
  hooks: RetryHooks = {},
): Promise<T> {
  const random = hooks.random ?? Math.random;
  const wait = hooks.wait ?? ((delayMs: number, abortSignal?: AbortSignal) => sleep(delayMs, undefined, { signal: abortSignal }));
  const errors: unknown[] = [];
  for (let attempt = 1; ; attempt += 1) {
    if (signal?.aborted) throw new AbortedError();
    try {
      return await operation(attempt);
    } catch (error) {
      errors.push(error);
      if (!isRetryable(error)) {
        if (errors.length === 1) throw error;
        throw new RetryExhaustedError(errors);
      }
      const asked = retryAfterMs(error);
      if (attempt > settings.maxRetries || (asked !== undefined && asked > MAX_RETRY_AFTER_MS)) {
        throw new RetryExhaustedError(errors);
      }
      const delayMs = computeRetryDelay(attempt, error, settings, random);
      hooks.onRetry?.({ attempt, delayMs, error });
      try {
        await wait(delayMs, signal);
      } catch {
        throw new AbortedError();
      }
    }
  }
}
