import { quoteText } from './quote-text';

describe('quoteText', () => {
  test.each<[string, string]>([
    ['Paris', '"Paris"'],
    ['say "hi"\n', '"say \\"hi\\"\\n"'],
    ['', '""'],
    ['x'.repeat(80), `"${'x'.repeat(80)}"`],
    ['x'.repeat(81), `"${'x'.repeat(80)}…"`],
  ])('%j → %s', (text, quoted) => {
    expect(quoteText(text)).toBe(quoted);
  });
});
