import { computeTextMetrics, isTextMatch, normalizeAnswerText, tokenF1, tokenize } from './compute-text-metrics';

describe('normalizeAnswerText and tokenize', () => {
  it.each([
    ['  Hello \n  World ', 'hello world', ['hello', 'world']],
    ['Straße', 'strasse', ['strasse']],
    ['New York-City, big!', 'new york-city, big!', ['new', 'york', 'city', 'big']],
    ['ﬁne', 'fine', ['fine']],
    ['...', '...', []],
  ])('%j → %j, %j', (text, normalized, tokens) => {
    expect(normalizeAnswerText(text)).toBe(normalized);
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('tokenF1', () => {
  it.each([
    // 3 common words, 6 human and 3 predicted: 2·3 / 9
    ['The cat sat on the mat', 'the cat sat', 2 / 3],
    ['New York City is big.', 'new york city is big!', 1],
    ['a b c d e', 'a b c d', 8 / 9],
    ['a b c d e', 'a b c', 6 / 8],
    ['a a b', 'a b b', 4 / 6],
    ['a b', 'c d', 0],
    ['...', '!', 1],
    ['a', '', 0],
  ])('%j against %j → %d', (gold, predicted, expected) => {
    expect(tokenF1(gold, predicted)).toBeCloseTo(expected, 10);
  });
});

describe('computeTextMetrics', () => {
  it('exact 1/4, near (token F1 >= 0.8) 2/4, mean token F1 (1 + 8/9 + 6/8 + 0) / 4', () => {
    const metrics = computeTextMetrics([
      { gold: ['Paris is nice.'], predicted: ['  paris is NICE. '] },
      { gold: ['a b c d e'], predicted: ['a b c d'] },
      { gold: ['a b c d e'], predicted: ['a b c'] },
      { gold: ['x'], predicted: [] },
    ]);
    expect(metrics.exactMatch).toEqual({ count: 1, total: 4, rate: 0.25 });
    expect(metrics.nearMatch).toEqual({ count: 2, total: 4, rate: 0.5 });
    expect(metrics.nearMatchMinimumTokenF1).toBe(0.8);
    expect(metrics.meanTokenF1).toBeCloseTo((1 + 8 / 9 + 6 / 8 + 0) / 4, 10);
  });

  it('compares several texts as sets', () => {
    expect(isTextMatch({ gold: ['one', 'Two'], predicted: ['two', 'one'] })).toBe(true);
    expect(isTextMatch({ gold: ['one', 'two'], predicted: ['one'] })).toBe(false);
  });
});
