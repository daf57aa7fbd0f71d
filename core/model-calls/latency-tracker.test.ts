import { LatencyTracker } from './latency-tracker';

describe('LatencyTracker', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('reads percentiles by nearest rank, and nothing below the minimum sample count', () => {
    const tracker = new LatencyTracker({ now: clock });
    for (let latency = 1; latency <= 100; latency += 1) tracker.record(latency);
    expect(tracker.percentile(95)).toBe(95);
    expect(tracker.percentile(50)).toBe(50);
    expect(tracker.percentile(100)).toBe(100);
    expect(tracker.percentile(0)).toBe(1);
    expect(tracker.percentile(95, 101)).toBeNull();
    expect(new LatencyTracker({ now: clock }).percentile(95)).toBeNull();
  });

  it('keeps only the most recent samples', () => {
    const tracker = new LatencyTracker({ maxSamples: 10, now: clock });
    for (let index = 0; index < 10; index += 1) tracker.record(5_000);
    for (let index = 0; index < 10; index += 1) tracker.record(100);
    expect(tracker.sampleCount).toBe(10);
    expect(tracker.percentile(100)).toBe(100);
  });

  it('forgets samples older than the window', () => {
    const tracker = new LatencyTracker({ maxAgeMs: 60_000, now: clock });
    for (let index = 0; index < 5; index += 1) tracker.record(9_000);
    now += 30_000;
    for (let index = 0; index < 5; index += 1) tracker.record(200);
    expect(tracker.percentile(100)).toBe(9_000);
    now += 31_000;
    expect(tracker.sampleCount).toBe(5);
    expect(tracker.percentile(100)).toBe(200);
    now += 60_000;
    expect(tracker.percentile(50)).toBeNull();
  });

  it('says whether a call succeeded lately, also once the ring buffer wrapped', () => {
    const tracker = new LatencyTracker({ maxSamples: 3, now: clock });
    expect(tracker.hasSampleWithin(30_000)).toBe(false);
    for (let index = 0; index < 5; index += 1) {
      now += 1_000;
      tracker.record(100);
    }
    now += 30_000;
    expect(tracker.hasSampleWithin(30_000)).toBe(true);
    now += 1;
    expect(tracker.hasSampleWithin(30_000)).toBe(false);
  });

  it('ignores latencies that are not a duration', () => {
    const tracker = new LatencyTracker({ now: clock });
    tracker.record(Number.NaN);
    tracker.record(-1);
    tracker.record(Number.POSITIVE_INFINITY);
    expect(tracker.sampleCount).toBe(0);
  });
});
