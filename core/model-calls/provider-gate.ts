import CircuitBreaker from 'opossum';
import { setTimeout as sleep } from 'node:timers/promises';
import { AbortedError, PrelabelError, ProviderCallError } from '../errors';
import { LatencyTracker } from './latency-tracker';

export interface ProviderLimits {
  /** Calls in flight at once, across every request and project using this provider. */
  concurrency: number;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

export interface CircuitSettings {
  /** Failed calls (retryable kinds) in the rolling window before the circuit can open. */
  volumeThreshold: number;
  /** Percentage of failed calls in the window that opens the circuit. */
  errorThresholdPercentage: number;
  /** How long an open circuit fails calls at once before letting one through. */
  resetTimeoutMs: number;
}

export const DEFAULT_CIRCUIT: CircuitSettings = { volumeThreshold: 10, errorThresholdPercentage: 50, resetTimeoutMs: 30_000 };

/** A timeout counts as an outage only when no call to the provider succeeded for this long. */
export const ANSWERING_WINDOW_MS = 30_000;

/**
 * Whether a failed call says the provider is down, and so counts toward opening the circuit: 5xx answers, connection
 * failures and unreadable bodies do. A bad request does not (it is ours), nor does a 429 (the provider is up and says
 * when to come back: core/retry.ts waits for its `retry-after`). A timeout counts only when the provider has answered
 * nothing else lately (`answering` false): while other calls succeed, one hung call says nothing about them, the
 * adaptive timeout cuts it and the retry usually answers; when every call hangs, the provider is down and the circuit
 * lets the fallbacks answer. Counting 429s and lone hangs would open the circuit under a rate limit or a few hangs
 * and fail queued tasks that would have been answered.
 *
 * An open circuit still fails a call at once (ProviderCallError `unavailable`), rather than making it wait for the
 * half-open probe: with only outage-kind failures counted, the circuit opens when at least half the calls in the window
 * failed that way, i.e. an outage. Then failing fast lets the project's fallbacks answer, and without fallbacks lets
 * the request return its failed tasks (which Label Studio asks for again) instead of holding each one for the reset
 * period.
 */
export function countsAsOutage(error: unknown, answering: boolean): boolean {
  if (!PrelabelError.isInstance(error) || !error.isRetryable) return false;
  const { statusCode, timedOut } = error as Partial<ProviderCallError>;
  if (statusCode === 429) return false;
  return timedOut === true ? !answering : true;
}

/** A continuously refilled bucket of `perMinute` units. */
export class MinuteBudget {
  private available: number;
  private updatedAt: number;
  constructor(private readonly perMinute: number, private readonly now: () => number) {
    this.available = perMinute;
    this.updatedAt = now();
  }

  /** Milliseconds to wait before `amount` units are available (0 = take them now). */
  reserve(amount: number): number {
    const now = this.now();
    this.available = Math.min(this.perMinute, this.available + ((now - this.updatedAt) * this.perMinute) / 60_000);
    this.updatedAt = now;
    const wanted = Math.min(amount, this.perMinute);
    if (this.available >= wanted) {
      this.available -= wanted;
      return 0;
    }
    return Math.ceil(((wanted - this.available) * 60_000) / this.perMinute);
  }

  /** Gives back (or takes more of) a reservation once the real amount is known. */
  adjust(difference: number): void {
    this.available = Math.min(this.perMinute, this.available - difference);
  }
}

/**
 * Everything between prelabel and one provider endpoint: a concurrency bound, optional requests- and
 * tokens-per-minute budgets, and a circuit breaker that stops calling a provider that keeps failing.
 */
export class ProviderGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly requests?: MinuteBudget;
  private readonly tokens?: MinuteBudget;
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  /** Latencies of this endpoint and model's recent successful calls, for the adaptive call timeout. */
  readonly latency: LatencyTracker;

  constructor(
    private limits: ProviderLimits,
    readonly name: string,
    circuit: CircuitSettings = DEFAULT_CIRCUIT,
    now: () => number = Date.now,
  ) {
    this.latency = new LatencyTracker({ now });
    if (limits.requestsPerMinute) this.requests = new MinuteBudget(limits.requestsPerMinute, now);
    if (limits.tokensPerMinute) this.tokens = new MinuteBudget(limits.tokensPerMinute, now);
    this.breaker = new CircuitBreaker((operation: () => Promise<unknown>) => operation(), {
      timeout: false,
      volumeThreshold: circuit.volumeThreshold,
      errorThresholdPercentage: circuit.errorThresholdPercentage,
      resetTimeout: circuit.resetTimeoutMs,
      // Only failures that say the provider is down count (see countsAsOutage).
      errorFilter: (error: unknown) => !countsAsOutage(error, this.latency.hasSampleWithin(ANSWERING_WINDOW_MS)),
    });
  }

  get concurrency(): number {
    return this.limits.concurrency;
  }

  /** Changes the bound (projects sharing this provider changed); a raised bound lets waiting calls in. */
  setConcurrency(concurrency: number): void {
    this.limits = { ...this.limits, concurrency };
    while (this.running < concurrency && this.waiting.length > 0) {
      this.running += 1;
      this.waiting.shift()?.();
    }
  }

  get isOpen(): boolean {
    return this.breaker.opened;
  }

  /** Runs one provider call within the limits; `estimatedTokens` is corrected with `usedTokens` afterwards. */
  async run<T>(
    call: () => Promise<T>,
    options: { estimatedTokens: number; usedTokens?: (result: T) => number | null; signal?: AbortSignal },
  ): Promise<T> {
    await this.acquire(options.signal);
    try {
      await this.waitForBudget(options.estimatedTokens, options.signal);
      let result: T;
      try {
        result = (await this.breaker.fire(call)) as T;
      } catch (error) {
        if ((error as { code?: string }).code === 'EOPENBREAKER') {
          throw new ProviderCallError(`${this.name} keeps failing; calls are paused for a while (circuit open)`, {
            provider: this.name,
            isRetryable: false,
            unavailable: true,
          });
        }
        throw error;
      }
      const used = options.usedTokens?.(result);
      if (this.tokens && typeof used === 'number') this.tokens.adjust(used - options.estimatedTokens);
      return result;
    } finally {
      this.release();
    }
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new AbortedError());
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    const next = this.running <= this.limits.concurrency ? this.waiting.shift() : undefined;
    if (next) next();
    else this.running -= 1;
  }

  private async waitForBudget(estimatedTokens: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const waitMs = Math.max(this.requests?.reserve(1) ?? 0, 0);
      if (waitMs === 0) break;
      await sleep(waitMs, undefined, { signal }).catch(() => Promise.reject(new AbortedError()));
    }
    for (;;) {
      const waitMs = this.tokens?.reserve(estimatedTokens) ?? 0;
      if (waitMs === 0) break;
      await sleep(waitMs, undefined, { signal }).catch(() => Promise.reject(new AbortedError()));
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
