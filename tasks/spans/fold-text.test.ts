import { foldNeedle, foldText } from './fold-text';

describe('foldText', () => {
  test('exact: each UTF-16 unit maps to its code point', () => {
    expect(foldText('a😀b', 'exact')).toEqual({ folded: 'a😀b', starts: [0, 1, 1, 2], ends: [1, 2, 2, 3] });
  });

  test('loose: whitespace runs become one space covering the run', () => {
    expect(foldText('a \n\tb', 'loose')).toEqual({ folded: 'a b', starts: [0, 1, 4], ends: [1, 4, 5] });
  });

  test.each<[string, string]>([
    ['ÉCOLE', 'e\u0301cole'],
    ['e\u0301cole', 'e\u0301cole'],
    ['“Don’t”', '"don\'t"'],
    ['2020–2021', '2020-2021'],
    ['ＩＢＭ', 'ibm'],
    ['ﬁne', 'fine'],
    ['zero\u200Bwidth', 'zerowidth'],
    ['non\u00A0breaking', 'non breaking'],
  ])('loose %j → %j', (text, folded) => {
    expect(foldText(text, 'loose').folded).toBe(folded);
  });

  test('loose: a ligature unfolds into units of the same code point', () => {
    const { starts, ends } = foldText('ﬁx', 'loose');
    expect(starts).toEqual([0, 0, 1]);
    expect(ends).toEqual([1, 1, 2]);
  });
});

describe('foldNeedle', () => {
  test.each<[string, 'exact' | 'loose', string]>([
    ['  New   York ', 'loose', 'new york'],
    ['  New   York ', 'exact', '  New   York '],
  ])('%j (%s) → %j', (text, mode, needle) => {
    expect(foldNeedle(text, mode)).toBe(needle);
  });
});
