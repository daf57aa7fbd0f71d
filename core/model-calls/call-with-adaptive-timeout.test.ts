import { callWithAdaptiveTimeout, computeCallTimeout, ADAPTIVE_TIMEOUT_MIN_SAMPLES, type AdaptiveTimeoutSettings } from './call-with-adaptive-timeout';
import { AbortedError, PrelabelError } from '../errors';
import { LatencyTracker } from './latency-tracker';

const SETTINGS: AdaptiveTimeoutSettings = { multiplier: 4, floorMs: 1_000 };

function trackerWith(latencies: number[], now: () => number = Date.now): LatencyTracker {
  const tracker = new LatencyTracker({ now });
  for (const latency of latencies) tracker.record(latency);
  return tracker;
}

/** A call that never answers by itself and rejects when its signal aborts, as an SDK call does. */
function hangingCall(calls: AbortSignal[]) {
  return (signal: AbortSignal | undefined) =>
    new Promise<string>((_resolve, reject) => {
      if (signal) calls.push(signal);
      signal?.addEventListener('abort', () => reject(new AbortedError('the request was aborted')), { once: true });
    });
}

describe('computeCallTimeout', () => {
  const steady = Array.from({ length: 40 }, (_, index) => 400 + index * 10); // p95 = 770 ms

  it('is the ceiling until there are enough samples', () => {
    const tracker = trackerWith(steady.slice(0, ADAPTIVE_TIMEOUT_MIN_SAMPLES - 1));
    expect(computeCallTimeout({ tracker, settings: SETTINGS, ceilingMs: 60_000, previousTimeouts: 0 })).toBe(60_000);
  });

  it('is the multiple of the p95, at least the floor, doubled per earlier timeout of the call, at most the ceiling', () => {
    const tracker = trackerWith(steady);
    expect(computeCallTimeout({ tracker, settings: SETTINGS, ceilingMs: 60_000, previousTimeouts: 0 })).toBe(3_080);
    expect(computeCallTimeout({ tracker, settings: SETTINGS, ceilingMs: 60_000, previousTimeouts: 1 })).toBe(6_160);
    expect(computeCallTimeout({ tracker, settings: SETTINGS, ceilingMs: 5_000, previousTimeouts: 1 })).toBe(5_000);
    expect(computeCallTimeout({ tracker, settings: { multiplier: 4, floorMs: 5_000 }, ceilingMs: 60_000, previousTimeouts: 0 })).toBe(5_000);
    expect(computeCallTimeout({ tracker: trackerWith(Array(30).fill(50)), settings: SETTINGS, ceilingMs: 60_000, previousTimeouts: 0 })).toBe(1_000);
  });

  it('is the ceiling with the multiplier 0', () => {
    expect(computeCallTimeout({ tracker: trackerWith(steady), settings: { multiplier: 0, floorMs: 1_000 }, ceilingMs: 60_000, previousTimeouts: 0 })).toBe(60_000);
  });
});

describe('callWithAdaptiveTimeout', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const options = (tracker: LatencyTracker, extra: { signal?: AbortSignal; onTimeout?: () => void } = {}) => ({
    tracker,
    settings: SETTINGS,
    ceilingMs: 60_000,
    previousTimeouts: 0,
    onTimeout: extra.onTimeout,
    signal: extra.signal,
    provider: 'openai (gpt-4o)',
    now: () => Date.now(),
  });

  it('cuts a hung call at the adaptive timeout with a retryable, timed-out error', async () => {
    const tracker = trackerWith(Array(30).fill(100));
    const signals: AbortSignal[] = [];
    let timeouts = 0;
    const outcome = callWithAdaptiveTimeout(hangingCall(signals), options(tracker, { onTimeout: () => (timeouts += 1) })).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(999);
    expect(signals[0]?.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(PrelabelError.isInstance(error) && error).toMatchObject({ code: 'PROVIDER_CALL_FAILED', isRetryable: true, timedOut: true, message: expect.stringContaining('did not answer within 1000 ms') });
    expect(signals[0]?.aborted).toBe(true);
    expect(timeouts).toBe(1);
  });

  it('cuts a call that started before there were samples, once they arrive', async () => {
    const tracker = new LatencyTracker({ now: () => Date.now() });
    const outcome = callWithAdaptiveTimeout(hangingCall([]), options(tracker)).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(3_000);
    for (let index = 0; index < 30; index += 1) tracker.record(100);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(await outcome).toMatchObject({ timedOut: true });
  });

  it('passes the caller’s abort on as an abort, never as a timeout', async () => {
    const controller = new AbortController();
    const outcome = callWithAdaptiveTimeout(hangingCall([]), options(trackerWith(Array(30).fill(100)), { signal: controller.signal })).catch((error: unknown) => error);
    controller.abort();
    expect(await outcome).toMatchObject({ code: 'ABORTED' });
  });

  it('records the latency of a call that answers, and leaves no timer behind', async () => {
    const tracker = trackerWith(Array(30).fill(100));
    const outcome = callWithAdaptiveTimeout(() => new Promise<string>((resolve) => setTimeout(() => resolve('answer'), 300)), options(tracker));
    await jest.advanceTimersByTimeAsync(300);
    expect(await outcome).toBe('answer');
    expect(tracker.sampleCount).toBe(31);
    expect(tracker.percentile(100)).toBe(300);
    expect(jest.getTimerCount()).toBe(0);
  });
});
