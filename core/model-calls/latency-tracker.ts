export interface LatencyTrackerOptions {
  /** The most recent samples kept. */
  maxSamples?: number;
  /** Samples older than this are forgotten, so a provider that got faster (or slower) is seen as it is now. */
  maxAgeMs?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

export const DEFAULT_LATENCY_WINDOW = Object.freeze({ maxSamples: 200, maxAgeMs: 5 * 60_000 });

/**
 * The latencies of recent successful calls to one provider endpoint and model: a sliding window bounded by count and
 * age, read as percentiles. Failed calls are never recorded: a timeout must not teach the tracker that hanging is normal.
 */
export class LatencyTracker {
  private readonly maxSamples: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  /** Ring buffer of [recordedAt, latencyMs], oldest first from `start`. */
  private readonly recordedAt: number[] = [];
  private readonly latencies: number[] = [];
  private start = 0;

  constructor(options: LatencyTrackerOptions = {}) {
    this.maxSamples = options.maxSamples ?? DEFAULT_LATENCY_WINDOW.maxSamples;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_LATENCY_WINDOW.maxAgeMs;
    this.now = options.now ?? Date.now;
  }

  record(latencyMs: number): void {
    if (!Number.isFinite(latencyMs) || latencyMs < 0) return;
    const now = this.now();
    if (this.latencies.length < this.maxSamples) {
      this.recordedAt.push(now);
      this.latencies.push(latencyMs);
      return;
    }
    this.recordedAt[this.start] = now;
    this.latencies[this.start] = latencyMs;
    this.start = (this.start + 1) % this.maxSamples;
  }

  /** The latencies recorded within the window's age, in no particular order. */
  private recent(): number[] {
    const oldest = this.now() - this.maxAgeMs;
    return this.latencies.filter((_, index) => (this.recordedAt[index] as number) >= oldest);
  }

  /** Whether a call succeeded within the last `windowMs`. */
  hasSampleWithin(windowMs: number): boolean {
    if (this.latencies.length === 0) return false;
    const newest = this.recordedAt[(this.start + this.latencies.length - 1) % this.latencies.length] as number;
    return this.now() - newest <= windowMs;
  }

  /** How many samples the window holds now. */
  get sampleCount(): number {
    return this.recent().length;
  }

  /**
   * The `percentile` (0 to 100, nearest rank) of the recent latencies, or null with fewer than `minSamples` of them:
   * too few samples say nothing about the tail.
   */
  percentile(percentile: number, minSamples = 1): number | null {
    const samples = this.recent();
    if (samples.length === 0 || samples.length < minSamples) return null;
    samples.sort((left, right) => left - right);
    const rank = Math.min(samples.length, Math.max(1, Math.ceil((percentile / 100) * samples.length)));
    return samples[rank - 1] as number;
  }
}
