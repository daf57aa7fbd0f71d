import type { Mention } from './parse-labels-answer';
import { createMentionLocator, locateMentions } from './locate-mentions';

function mention(label: string, text: string, context = text, offset = 0): Mention {
  return { label, text, context, offset };
}

function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

describe('locateMentions', () => {
  test.each<[string, string, Mention[], Array<[number, number, string]>]>([
    ['plain text', 'President Obama is speaking.', [mention('PER', 'Obama')], [[10, 15, 'Obama']]],
    ['after an emoji (2 UTF-16 units, 1 code point)', '🐱 Obama spoke', [mention('PER', 'Obama')], [[2, 7, 'Obama']]],
    ['an emoji inside the quote', 'I ❤️ NY and more', [mention('LOC', '❤️ NY')], [[2, 7, '❤️ NY']]],
    ['after astral CJK', '𠮷野家で東京の会議', [mention('LOC', '東京')], [[4, 6, '東京']]],
    ['CJK', '東京で会議があります。', [mention('EVT', '会議')], [[3, 5, '会議']]],
    ['combining accent in text and quote', 'Cafe\u0301 de Flore', [mention('ORG', 'Cafe\u0301 de Flore')], [[0, 14, 'Cafe\u0301 de Flore']]],
    ['composed quote, decomposed text', 'at Cafe\u0301 Flore', [mention('ORG', 'Café')], [[3, 8, 'Cafe\u0301']]],
    ['decomposed quote, composed text', 'at Café Flore', [mention('ORG', 'Cafe\u0301')], [[3, 7, 'Café']]],
    ['quote with surrounding spaces', 'Hello Bob!', [mention('PER', '  Bob ')], [[6, 9, 'Bob']]],
    [
      'a repeated quote resolved by context',
      'Paris is big. I left Paris today.',
      [mention('LOC', 'Paris', 'left Paris today')],
      [[21, 26, 'Paris']],
    ],
    [
      'repeated identical mentions take successive occurrences',
      'Paris is big. I left Paris today.',
      [mention('LOC', 'Paris'), mention('LOC', 'Paris')],
      [[0, 5, 'Paris'], [21, 26, 'Paris']],
    ],
    [
      'more identical mentions than occurrences reuse the first (collapsed later)',
      'Paris is big. I left Paris today.',
      [mention('LOC', 'Paris'), mention('LOC', 'Paris'), mention('LOC', 'Paris')],
      [[0, 5, 'Paris'], [21, 26, 'Paris'], [0, 5, 'Paris']],
    ],
    [
      'the same quote under another label is not pushed to the next occurrence',
      'Apple makes apples. Apple rose.',
      [mention('ORG', 'Apple'), mention('BRAND', 'Apple')],
      [[0, 5, 'Apple'], [0, 5, 'Apple']],
    ],
    [
      'context first, then order for the next identical mention',
      'Paris, Paris and Paris.',
      [mention('LOC', 'Paris', 'and Paris.'), mention('LOC', 'Paris')],
      [[17, 22, 'Paris'], [0, 5, 'Paris']],
    ],
    [
      'a wrong context falls back to the quote alone',
      'Only Obama here.',
      [mention('PER', 'Obama', 'Senator Obama said')],
      [[5, 10, 'Obama']],
    ],
    ['whitespace differences', 'the New\n  York Times', [mention('ORG', 'New York Times')], [[4, 20, 'New\n  York Times']]],
    ['case differences', 'the UNITED NATIONS said', [mention('ORG', 'United Nations')], [[4, 18, 'UNITED NATIONS']]],
    ['typographic apostrophe', 'I don’t know', [mention('X', "don't")], [[2, 7, 'don’t']]],
    ['en dash against hyphen', 'the 2020–2021 season', [mention('DATE', '2020-2021')], [[4, 13, '2020–2021']]],
    ['zero-width space in the text', 'Mr Ob\u200Bama', [mention('PER', 'Obama')], [[3, 9, 'Ob\u200Bama']]],
    ['full-width letters (NFKD)', 'ＩＢＭ shares', [mention('ORG', 'IBM')], [[0, 3, 'ＩＢＭ']]],
    [
      'a loose context picks among exact quotes',
      'Apple pie. Apple Inc. rose.',
      [mention('ORG', 'Apple', 'APPLE INC.')],
      [[11, 16, 'Apple']],
    ],
    [
      'the chunk offset is preferred',
      'Obama met Biden. Later Obama left.',
      [mention('PER', 'Obama', 'Obama', 17)],
      [[23, 28, 'Obama']],
    ],
    [
      'before the chunk offset when nothing is after it',
      'Obama met Biden.',
      [mention('PER', 'Obama', 'Obama', 10)],
      [[0, 5, 'Obama']],
    ],
    ['a whole ligature', 'a ﬁne day', [mention('X', 'fine')], [[2, 5, 'ﬁne']]],
    ['a letter quoted without its combining mark takes the mark', 'Cafe\u0301 noir', [mention('X', 'Cafe')], [[0, 5, 'Cafe\u0301']]],
    ['an emoji quoted without its skin tone takes it', 'hi 👋🏽 there', [mention('X', '👋')], [[3, 5, '👋🏽']]],
    ['a joined emoji quoted in part takes the whole family', 'the 👨\u200D👩\u200D👧 here', [mention('X', '👨')], [[4, 9, '👨\u200D👩\u200D👧']]],
  ])('%s', (_case, text, mentions, expected) => {
    const { located, notFound } = locateMentions(text, mentions);
    expect(notFound).toEqual([]);
    expect(located.map(({ start, end, text: quote }) => [start, end, quote])).toEqual(expected);
    for (const span of located) expect(codePointSlice(text, span.start, span.end)).toBe(span.text);
  });

  test.each<[string, string, Mention, RegExp]>([
    ['a quote not in the text', 'Obama met Biden.', mention('PER', 'Merkel'), /^"Merkel" \(PER\) is not in the text$/],
    ['half of a ligature', 'a ﬁne day', mention('X', 'f'), /"f" \(X\) is not in the text/],
    ['half of a surrogate pair', 'I 😀 you', mention('X', '\uD83D'), /is not in the text/],
    ['a quote that starts with a combining mark', 'Cafe\u0301 noir', mention('X', '\u0301 noir'), /is not in the text/],
    ['a misspelt quote', 'Schwarzenegger spoke', mention('PER', 'Schwarzeneger'), /is not in the text/],
  ])('does not find %s', (_case, text, missing, reason) => {
    const { located, notFound } = locateMentions(text, [mention('PER', text.slice(0, 1)), missing]);
    expect(located).toHaveLength(1);
    expect(notFound).toHaveLength(1);
    expect(notFound[0]?.reason).toMatch(reason);
    expect(notFound[0]?.mention).toBe(missing);
  });
});

describe('createMentionLocator', () => {
  test('keeps which occurrences each chunk took apart', () => {
    const locator = createMentionLocator('Obama and Obama and Obama');
    const spans = [
      locator.locate(mention('PER', 'Obama', 'Obama', 0)),
      locator.locate(mention('PER', 'Obama', 'Obama', 0)),
      locator.locate(mention('PER', 'Obama', 'Obama', 8)),
      locator.locate(mention('PER', 'Obama', 'Obama', 8)),
    ];
    expect(spans.map((span) => span?.start)).toEqual([0, 10, 10, 20]);
  });

  test('finds nothing in an empty text', () => {
    expect(createMentionLocator('').locate(mention('PER', 'Obama'))).toBeNull();
  });
});
