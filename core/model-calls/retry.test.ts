import { ProviderCallError, RequestInvalidError } from '../errors';
import { computeRetryDelay, withRetry } from './retry';

const settings = { maxRetries: 3, initialDelayMs: 100, maxDelayMs: 1000 };

function retryable(retryAfterMs?: number) {
  return new ProviderCallError('busy', { provider: 'test', statusCode: 429, isRetryable: true, retryAfterMs });
}

function recordingWait() {
  const waits: number[] = [];
  return { waits, wait: async (delayMs: number) => void waits.push(delayMs) };
}

describe('withRetry', () => {
  it('retries retryable errors and returns the first success', async () => {
    const { waits, wait } = recordingWait();
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw retryable();
        return 'ok';
      },
      settings,
      undefined,
      { wait, random: () => 0.5 },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toEqual([75, 150]);
  });

  it('never retries an error that is not retryable', async () => {
    let calls = 0;
    const error = new RequestInvalidError('bad');
    await expect(
      withRetry(async () => {
        calls += 1;
        throw error;
      }, settings),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
  });

  it('waits at least what retry-after asks for', async () => {
    const { waits, wait } = recordingWait();
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw retryable(2500);
        return 'ok';
      },
      settings,
      undefined,
      { wait, random: () => 0 },
    );
    expect(waits).toEqual([2500]);
  });

  it('gives up after maxRetries with every error kept', async () => {
    const { wait } = recordingWait();
    let calls = 0;
    const failure = withRetry(
      async () => {
        calls += 1;
        throw retryable();
      },
      settings,
      undefined,
      { wait },
    );
    await expect(failure).rejects.toMatchObject({ code: 'RETRY_EXHAUSTED' });
    await failure.catch((error: { errors: unknown[] }) => expect(error.errors).toHaveLength(4));
    expect(calls).toBe(4);
  });

  it('gives up at once when retry-after is longer than a minute', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw retryable(120_000);
      }, settings),
    ).rejects.toMatchObject({ code: 'RETRY_EXHAUSTED' });
    expect(calls).toBe(1);
  });

  it('stops when aborted, without another attempt', async () => {
    const controller = new AbortController();
    let calls = 0;
    const failure = withRetry(
      async () => {
        calls += 1;
        throw retryable();
      },
      { ...settings, initialDelayMs: 60_000, maxDelayMs: 60_000 },
      controller.signal,
    );
    setTimeout(() => controller.abort(), 10);
    await expect(failure).rejects.toMatchObject({ code: 'ABORTED' });
    expect(calls).toBe(1);
  });
});

describe('computeRetryDelay', () => {
  it.each([
    [1, 0, 50],
    [1, 0.999, 100],
    [2, 0.5, 150],
    [5, 1, 1000],
    [10, 0.5, 750],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(computeRetryDelay(attempt, new Error('x'), settings, () => random)).toBe(expected);
  });
});
