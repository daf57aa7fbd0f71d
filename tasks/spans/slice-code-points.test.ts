import { codePointLength, sliceCodePoints, utf16IndexesOf } from './slice-code-points';

describe('code points', () => {
  test.each<[string, number]>([
    ['', 0],
    ['abc', 3],
    ['🐱', 1],
    ['e\u0301', 2],
    ['東京', 2],
    ['𠮷', 1],
  ])('codePointLength(%j) = %d', (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });

  test.each<[string, number, number, string]>([
    ['🐱 Obama', 2, 7, 'Obama'],
    ['a😀b', 1, 2, '😀'],
    ['Cafe\u0301!', 3, 5, 'e\u0301'],
  ])('sliceCodePoints(%j, %d, %d)', (text, start, end, slice) => {
    expect(sliceCodePoints(text, start, end)).toBe(slice);
  });

  test('utf16IndexesOf gives the UTF-16 start of each code point and the end', () => {
    expect(utf16IndexesOf('a😀b')).toEqual([0, 1, 3, 4]);
  });
});
