import { ProviderCallError, RequestInvalidError } from '../errors';
import { countsAsOutage, MinuteBudget, ProviderGate } from './provider-gate';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('ProviderGate', () => {
  let gate: ProviderGate;
  afterEach(() => gate.shutdown());

  it('never runs more calls at once than its bound, and lets the next in as one ends', async () => {
    gate = new ProviderGate({ concurrency: 2 }, 'test');
    let running = 0;
    let peak = 0;
    const releases = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    const calls = releases.map((release, index) =>
      gate.run(
        async () => {
          running += 1;
          peak = Math.max(peak, running);
          started.push(index);
          await release.promise;
          running -= 1;
          return index;
        },
        { estimatedTokens: 1 },
      ),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    releases[1]?.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    releases.forEach((release) => release.resolve());
    expect(await Promise.all(calls)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('lets waiting calls in when the bound is raised', async () => {
    gate = new ProviderGate({ concurrency: 1 }, 'test');
    const release = deferred();
    const started: number[] = [];
    const calls = [0, 1, 2].map((index) =>
      gate.run(async () => {
        started.push(index);
        await release.promise;
      }, { estimatedTokens: 1 }),
    );
    await flush();
    expect(started).toEqual([0]);
    gate.setConcurrency(3);
    await flush();
    expect(started).toEqual([0, 1, 2]);
    release.resolve();
    await Promise.all(calls);
  });

  it('opens its circuit after repeated retryable failures, and then fails at once without calling', async () => {
    gate = new ProviderGate({ concurrency: 4 }, 'flaky', { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 });
    let calls = 0;
    const down = () => {
      calls += 1;
      return Promise.reject(new ProviderCallError('503', { provider: 'flaky', statusCode: 503, isRetryable: true }));
    };
    for (let index = 0; index < 3; index += 1) await expect(gate.run(down, { estimatedTokens: 1 })).rejects.toMatchObject({ statusCode: 503 });
    expect(gate.isOpen).toBe(true);
    await expect(gate.run(down, { estimatedTokens: 1 })).rejects.toMatchObject({ code: 'PROVIDER_CALL_FAILED', isRetryable: false, message: expect.stringMatching(/circuit open/) });
    expect(calls).toBe(3);
  });

  it('does not count bad requests as an outage', async () => {
    gate = new ProviderGate({ concurrency: 4 }, 'strict', { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 });
    for (let index = 0; index < 5; index += 1) {
      await expect(gate.run(() => Promise.reject(new RequestInvalidError('bad')), { estimatedTokens: 1 })).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    }
    expect(gate.isOpen).toBe(false);
  });

  const rateLimited = () => new ProviderCallError('429', { provider: 'busy', statusCode: 429, isRetryable: true, retryAfterMs: 50 });
  const timedOut = () => new ProviderCallError('no answer within 5000 ms', { provider: 'busy', isRetryable: true, timedOut: true });

  it.each([
    ['429s', rateLimited],
    ['timeouts while other calls succeed', timedOut],
  ])('does not count %s as an outage: the provider is up, the retry will get through', async (_name, createError) => {
    gate = new ProviderGate({ concurrency: 4 }, 'busy', { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 });
    gate.latency.record(100); // a call succeeded just now
    for (let index = 0; index < 5; index += 1) {
      await expect(gate.run(() => Promise.reject(createError()), { estimatedTokens: 1 })).rejects.toMatchObject({ code: 'PROVIDER_CALL_FAILED' });
    }
    expect(gate.isOpen).toBe(false);
  });

  it('counts timeouts as an outage when nothing else succeeds either (every call hangs)', async () => {
    gate = new ProviderGate({ concurrency: 4 }, 'hanging', { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 });
    for (let index = 0; index < 3; index += 1) {
      await expect(gate.run(() => Promise.reject(timedOut()), { estimatedTokens: 1 })).rejects.toMatchObject({ timedOut: true });
    }
    expect(gate.isOpen).toBe(true);
  });

  it('tells outage failures from the others', () => {
    expect(countsAsOutage(rateLimited(), false)).toBe(false);
    expect(countsAsOutage(timedOut(), true)).toBe(false);
    expect(countsAsOutage(timedOut(), false)).toBe(true);
    expect(countsAsOutage(new ProviderCallError('reset', { provider: 'busy', isRetryable: true }), true)).toBe(true);
    expect(countsAsOutage(new RequestInvalidError('bad'), false)).toBe(false);
  });
});

describe('MinuteBudget', () => {
  it('hands out its budget, then says how long to wait as it refills', () => {
    let now = 0;
    const budget = new MinuteBudget(60, () => now);
    for (let index = 0; index < 60; index += 1) expect(budget.reserve(1)).toBe(0);
    expect(budget.reserve(1)).toBe(1000);
    now = 1000;
    expect(budget.reserve(1)).toBe(0);
    expect(budget.reserve(30)).toBe(30_000);
  });

  it('takes back what a call did not use', () => {
    const budget = new MinuteBudget(1000, () => 0);
    expect(budget.reserve(800)).toBe(0);
    budget.adjust(100 - 800);
    expect(budget.reserve(800)).toBe(0);
    expect(budget.reserve(200)).toBeGreaterThan(0);
  });
});
