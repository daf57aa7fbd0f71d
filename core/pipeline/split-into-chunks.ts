export interface TextChunk {
  text: string;
  /** Where the chunk starts in the whole text, in Unicode code points. */
  offset: number;
}

/** Where a cut is best, in order: right after a sentence end, after a line break, after any space. */
const BREAK_PREFERENCE: Array<(before: string, last: string) => boolean> = [
  (before, last) => /[.!?。！？]/u.test(before) && /\s/u.test(last),
  (_before, last) => last === '\n',
  (_before, last) => /\s/u.test(last),
];

/**
 * Splits a text into chunks of at most `maxCodePoints` code points that overlap by about `overlapCodePoints`, cutting
 * at a sentence end, a line break or a space near the limit when there is one, so no mention straddling a cut is lost.
 */
export function splitIntoChunks(text: string, maxCodePoints: number, overlapCodePoints: number): TextChunk[] {
  const codePoints = [...text];
  if (codePoints.length <= maxCodePoints) return [{ text, offset: 0 }];
  const overlap = Math.min(overlapCodePoints, Math.floor(maxCodePoints / 2));
  const chunks: TextChunk[] = [];
  let start = 0;
  for (;;) {
    let end = Math.min(start + maxCodePoints, codePoints.length);
    if (end < codePoints.length) end = findCut(codePoints, start + overlap + 1, end);
    chunks.push({ text: codePoints.slice(start, end).join(''), offset: start });
    if (end >= codePoints.length) return chunks;
    start = Math.max(end - overlap, start + 1);
  }
}

/** The best cut in the second half of (minimum, limit]: after a sentence end, else a line break, else a space, else the limit. */
function findCut(codePoints: string[], minimum: number, limit: number): number {
  const searchFrom = Math.max(minimum, limit - Math.ceil((limit - minimum) / 2));
  for (const isGoodCut of BREAK_PREFERENCE) {
    for (let cut = limit; cut > searchFrom; cut -= 1) {
      if (isGoodCut(codePoints[cut - 2] ?? '', codePoints[cut - 1] ?? '')) return cut;
    }
  }
  return limit;
}
