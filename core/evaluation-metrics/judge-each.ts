import type { ScoredItem } from '../spec/control-score';

/**
 * Pairs each item's human and model answers and judges each pair. `pairOf` returns null when the human left the
 * control empty: that item gets no verdict and no pair.
 */
export function judgeEach<Pair>(
  items: ScoredItem[],
  pairOf: (item: ScoredItem) => Pair | null,
  isMatch: (pair: Pair) => boolean,
): { pairs: Pair[]; verdicts: Array<boolean | null> } {
  const pairs: Pair[] = [];
  const verdicts = items.map((item) => {
    const pair = pairOf(item);
    if (pair === null) return null;
    pairs.push(pair);
    return isMatch(pair);
  });
  return { pairs, verdicts };
}
