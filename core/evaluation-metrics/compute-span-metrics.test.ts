import { computeSpanMetrics, countPartialMatches, countStrictMatches, isSpanMatch, overlaps, type Span } from './compute-span-metrics';

/** A span on a Text: code points [start, end). */
function span(label: string, start: number, end: number): Span {
  return { label, key: `${start}-${end}`, start: [start], end: [end] };
}

describe('countStrictMatches and countPartialMatches', () => {
  it.each<[string, Span[], Span[], number, number]>([
    ['identical spans', [span('P', 0, 5)], [span('P', 0, 5)], 1, 1],
    ['a shorter span of the same label', [span('O', 0, 19)], [span('O', 7, 19)], 0, 1],
    ['a human span split in two: counted once', [span('P', 0, 10)], [span('P', 0, 4), span('P', 5, 10)], 0, 1],
    ['one predicted span over two human spans: counted once', [span('L', 0, 5), span('L', 6, 10)], [span('L', 0, 10)], 0, 1],
    ['the same place with another label', [span('P', 0, 5)], [span('O', 0, 5)], 0, 0],
    ['adjacent spans do not overlap (end exclusive)', [span('P', 0, 5)], [span('P', 5, 9)], 0, 0],
    ['a duplicate prediction matches once', [span('P', 0, 5)], [span('P', 0, 5), span('P', 0, 5)], 1, 1],
    // greedy would give the first human span the first predicted span and leave the second human span unmatched
    ['the largest matching, not the first found', [span('P', 0, 10), span('P', 8, 12)], [span('P', 5, 9), span('P', 0, 3)], 0, 2],
    ['nothing predicted', [span('P', 0, 5)], [], 0, 0],
  ])('%s', (_case, gold, predicted, strict, partial) => {
    expect(countStrictMatches(gold, predicted)).toBe(strict);
    expect(countPartialMatches(gold, predicted)).toBe(partial);
  });
});

describe('overlaps', () => {
  const paragraph = (startParagraph: number, startOffset: number, endParagraph: number, endOffset: number): Span => ({
    label: 'P',
    key: `${startParagraph}:${startOffset}-${endParagraph}:${endOffset}`,
    start: [startParagraph, startOffset],
    end: [endParagraph, endOffset],
  });

  it.each<[string, Span, Span, boolean]>([
    ['paragraph spans crossing into the next paragraph', paragraph(1, 4, 1, 9), paragraph(1, 8, 2, 3), true],
    ['paragraph spans touching at an offset', paragraph(1, 4, 1, 9), paragraph(1, 9, 1, 12), false],
    ['the same offsets in other paragraphs', paragraph(1, 4, 1, 9), paragraph(2, 4, 2, 9), false],
    ['unplaced spans with the same key', { label: 'P', key: 'k', start: null, end: null }, { label: 'P', key: 'k', start: null, end: null }, true],
    ['unplaced spans with other keys', { label: 'P', key: 'k', start: null, end: null }, { label: 'P', key: 'j', start: null, end: null }, false],
  ])('%s → %s', (_case, left, right, expected) => {
    expect(overlaps(left, right)).toBe(expected);
    expect(overlaps(right, left)).toBe(expected);
  });
});

describe('computeSpanMetrics', () => {
  it('sums over tasks: 7 strict and 8 partial matches of 8 predicted and 10 human spans', () => {
    // the shipped example as gpt-4o answers it in the end-to-end test
    const metrics = computeSpanMetrics([
      { gold: [span('O', 15, 19), span('P', 27, 38), span('L', 47, 53)], predicted: [span('O', 15, 19), span('P', 27, 38), span('L', 47, 53)] },
      { gold: [span('O', 15, 21)], predicted: [span('O', 15, 21)] },
      { gold: [span('P', 0, 10), span('L', 20, 25)], predicted: [span('P', 0, 10), span('L', 20, 25)] },
      { gold: [span('O', 21, 40)], predicted: [span('O', 28, 40)] },
      { gold: [span('O', 28, 35), span('L', 41, 47)], predicted: [] },
      { gold: [span('P', 17, 26)], predicted: [span('P', 17, 26)] },
    ]);
    expect(metrics.strict).toEqual({ matched: 7, predicted: 8, gold: 10, precision: 7 / 8, recall: 7 / 10, f1: 14 / 18 });
    expect(metrics.partial).toEqual({ matched: 8, predicted: 8, gold: 10, precision: 1, recall: 8 / 10, f1: 16 / 18 });
  });

  it('has no figures without spans on either side', () => {
    expect(computeSpanMetrics([{ gold: [], predicted: [] }]).strict).toEqual({ matched: 0, predicted: 0, gold: 0, precision: null, recall: null, f1: null });
  });

  it('is right for a task only with exactly the human spans', () => {
    expect(isSpanMatch({ gold: [span('P', 0, 5)], predicted: [span('P', 0, 5)] })).toBe(true);
    expect(isSpanMatch({ gold: [], predicted: [] })).toBe(true);
    expect(isSpanMatch({ gold: [span('P', 0, 5)], predicted: [span('P', 0, 5), span('P', 6, 8)] })).toBe(false);
    expect(isSpanMatch({ gold: [span('P', 0, 5)], predicted: [span('P', 0, 4)] })).toBe(false);
  });
});
