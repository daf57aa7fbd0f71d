import { readRetryAfterMs } from './read-retry-after-ms';

const NOW = Date.parse('2025-01-01T00:00:00Z');

describe('readRetryAfterMs', () => {
  it.each<[Record<string, string>, number | undefined]>([
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after-ms': '12.5' }, 12.5],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '100', 'retry-after': '9' }, 100],
    [{ 'retry-after-ms': 'soon', 'retry-after': '1' }, 1000],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 0],
    [{ 'retry-after': 'later' }, undefined],
    [{ 'retry-after-ms': '-5' }, undefined],
    [{}, undefined],
  ])('reads %j as %p', (headers, expected) => {
    expect(readRetryAfterMs(new Headers(headers), NOW)).toBe(expected);
  });

  it('reads nothing without headers', () => {
    expect(readRetryAfterMs(undefined)).toBeUndefined();
  });
});
