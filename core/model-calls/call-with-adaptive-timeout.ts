import { ProviderCallError } from '../errors';
import type { LatencyTracker } from './latency-tracker';
import type { AdaptiveTimeoutSettings } from '../spec/project-settings';

export type { AdaptiveTimeoutSettings };

/**
 * 4 × p95: a call four times slower than 19 in 20 recent ones is far more likely hung than slow, and the retry gets
 * twice as long. The floor of 5 s keeps a fast model's short calls from being cut by a pause of the event loop or a
 * slower answer (a long output); it is what a hung call costs instead of the 60 s call timeout.
 */
export const DEFAULT_ADAPTIVE_TIMEOUT: Readonly<AdaptiveTimeoutSettings> = Object.freeze({ multiplier: 4, floorMs: 5_000 });

/** The percentile of recent successful calls the adaptive timeout is a multiple of. */
export const ADAPTIVE_TIMEOUT_PERCENTILE = 95;
/** Fewer recent successful calls than this say too little about the tail: the configured timeout applies. */
export const ADAPTIVE_TIMEOUT_MIN_SAMPLES = 20;

export interface CallTimeoutOptions {
  tracker: LatencyTracker;
  settings: AdaptiveTimeoutSettings;
  /** `provider.timeout_ms`: the adaptive timeout never exceeds it (the provider enforces it itself). */
  ceilingMs: number;
  /** How often this call was already cut by the adaptive timeout: each time doubles it, so a call merely slow gets through. */
  previousTimeouts: number;
}

/**
 * How long one call may take: `multiplier` × the p95 of recent successful calls to this provider and model, at least
 * `floorMs`, doubled for each earlier adaptive timeout of the same call, at most the ceiling. Without enough samples
 * (or with the multiplier 0), the ceiling.
 */
export function computeCallTimeout(options: CallTimeoutOptions): number {
  const { tracker, settings, ceilingMs, previousTimeouts } = options;
  if (settings.multiplier <= 0) return ceilingMs;
  const p95 = tracker.percentile(ADAPTIVE_TIMEOUT_PERCENTILE, ADAPTIVE_TIMEOUT_MIN_SAMPLES);
  if (p95 === null) return ceilingMs;
  const timeoutMs = Math.max(settings.floorMs, Math.ceil(p95 * settings.multiplier)) * 2 ** Math.max(0, previousTimeouts);
  return Math.min(ceilingMs, timeoutMs);
}

export interface TimedCallOptions extends CallTimeoutOptions {
  /** The caller's signal (task deadline, shutdown): its abort is passed on as it is, never turned into a timeout. */
  signal?: AbortSignal;
  /** The provider's name, for the error. */
  provider: string;
  /** Called when the adaptive timeout cuts the call (before its error is thrown). */
  onTimeout?: () => void;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/**
 * Runs one provider call under the adaptive timeout, and records its latency when it succeeds. The deadline is
 * computed again each time it falls due (at least every `floorMs`), so a call started before there were enough
 * samples is still cut once the tracker knows what normal looks like. A call cut this way fails with a retryable
 * ProviderCallError marked `timedOut`, so core/retry.ts tries again (and the circuit breaker counts it only when no
 * other call is answered either: see countsAsOutage in core/provider-gate.ts).
 */
export async function callWithAdaptiveTimeout<T>(call: (signal: AbortSignal | undefined) => Promise<T>, options: TimedCallOptions): Promise<T> {
  const now = options.now ?? performance.now.bind(performance);
  const started = now();
  if (options.settings.multiplier <= 0) {
    const result = await call(options.signal);
    options.tracker.record(now() - started);
    return result;
  }
  const controller = new AbortController();
  const passAbortOn = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) passAbortOn();
  else options.signal?.addEventListener('abort', passAbortOn, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let cutAfterMs: number | undefined;
  const check = () => {
    const elapsed = now() - started;
    const timeoutMs = computeCallTimeout(options);
    if (timeoutMs >= options.ceilingMs) {
      // The provider's own timeout ends the call at the ceiling; look again later, when there may be samples.
      if (elapsed + options.settings.floorMs < options.ceilingMs) timer = setTimeout(check, options.settings.floorMs);
      return;
    }
    if (elapsed >= timeoutMs) {
      cutAfterMs = timeoutMs;
      controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
      return;
    }
    timer = setTimeout(check, Math.max(1, Math.min(timeoutMs - elapsed, options.settings.floorMs)));
  };
  check();
  try {
    const result = await call(controller.signal);
    options.tracker.record(now() - started);
    return result;
  } catch (error) {
    if (cutAfterMs === undefined || options.signal?.aborted) throw error;
    options.onTimeout?.();
    throw new ProviderCallError(
      `${options.provider} did not answer within ${cutAfterMs} ms (adaptive timeout: ${options.settings.multiplier} × the recent p${ADAPTIVE_TIMEOUT_PERCENTILE} latency, at least ${options.settings.floorMs} ms)`,
      { provider: options.provider, isRetryable: true, timedOut: true, cause: error },
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', passAbortOn);
  }
}
