import { LogRateLimiter } from './log-rate-limiter';

describe('LogRateLimiter', () => {
  afterEach(() => jest.useRealTimers());

  it('lets `limit` lines through per window and reports the rest once when the window ends', () => {
    jest.useFakeTimers({ now: 0 });
    const summaries: number[] = [];
    const limiter = new LogRateLimiter({ limit: 3, windowMs: 60_000, onSuppressed: (count) => summaries.push(count) });
    const decisions = Array.from({ length: 7 }, () => limiter.allow());
    expect(decisions).toEqual([true, true, true, false, false, false, false]);
    expect(summaries).toEqual([]);
    jest.advanceTimersByTime(60_000);
    expect(summaries).toEqual([4]);
    expect(limiter.allow()).toBe(true);
    jest.advanceTimersByTime(120_000);
    expect(summaries).toEqual([4]);
  });

  it('reports what a window suppressed before the next window lets lines through', () => {
    let now = 0;
    const events: string[] = [];
    const limiter = new LogRateLimiter({ limit: 1, windowMs: 1000, now: () => now, onSuppressed: (count) => events.push(`suppressed ${count}`) });
    for (let index = 0; index < 3; index += 1) if (limiter.allow()) events.push('line');
    now = 1000;
    if (limiter.allow()) events.push('line');
    expect(events).toEqual(['line', 'suppressed 2', 'line']);
  });
});
