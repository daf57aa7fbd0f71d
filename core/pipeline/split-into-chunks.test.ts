import { splitIntoChunks } from './split-into-chunks';

describe('splitIntoChunks', () => {
  it('keeps a short text whole', () => {
    expect(splitIntoChunks('short text', 100, 10)).toEqual([{ text: 'short text', offset: 0 }]);
  });

  it.each([
    ['plain words', Array.from({ length: 300 }, (_, index) => `word${index}`).join(' '), 120, 30],
    ['sentences', Array.from({ length: 80 }, (_, index) => `Sentence ${index} ends here.`).join(' '), 200, 40],
    ['emoji and CJK', '😀東京 '.repeat(200), 50, 10],
    ['no spaces at all', 'x'.repeat(1000), 90, 20],
  ])('covers %s with overlapping chunks whose offsets are code points', (_name, text, max, overlap) => {
    const codePoints = [...text];
    const chunks = splitIntoChunks(text, max, overlap);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]?.offset).toBe(0);
    let covered = 0;
    for (const chunk of chunks) {
      const length = [...chunk.text].length;
      expect(length).toBeLessThanOrEqual(max);
      expect(codePoints.slice(chunk.offset, chunk.offset + length).join('')).toBe(chunk.text);
      expect(chunk.offset).toBeLessThanOrEqual(covered);
      if (chunk.offset > 0) expect(covered - chunk.offset).toBeGreaterThanOrEqual(Math.min(overlap, 1));
      covered = chunk.offset + length;
    }
    expect(covered).toBe(codePoints.length);
  });

  it('prefers to cut after a sentence', () => {
    const text = `${'a'.repeat(60)}. ${'b'.repeat(30)} ${'c'.repeat(30)}`;
    const [first] = splitIntoChunks(text, 80, 10);
    expect(first?.text.endsWith('. ')).toBe(true);
  });
});
