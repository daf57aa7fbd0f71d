import { truncateDetail } from './truncate-detail';

describe('truncateDetail', () => {
  it.each<[string, string]>([
    ['', ''],
    ['short', 'short'],
    ['x'.repeat(500), 'x'.repeat(500)],
    ['x'.repeat(501), `${'x'.repeat(500)}…`],
    ['x'.repeat(2_000), `${'x'.repeat(500)}…`],
  ])('cuts a text of %#', (text, expected) => {
    expect(truncateDetail(text)).toBe(expected);
  });
});
