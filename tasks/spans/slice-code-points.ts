/** Label Studio counts `<Text>` offsets in Unicode code points (`[...text]`), not UTF-16 units (`.length`). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _codePoint of text) length += 1;
  return length;
}

/** The text from code point `start` up to code point `end` (exclusive). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

/** For each code point index of the text, and its length, the UTF-16 index where that code point starts. */
export function utf16IndexesOf(text: string): number[] {
  const indexes: number[] = [];
  let index = 0;
  for (const codePoint of text) {
    indexes.push(index);
    index += codePoint.length;
  }
  indexes.push(index);
  return indexes;
}
