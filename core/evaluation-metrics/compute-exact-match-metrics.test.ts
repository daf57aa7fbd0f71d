import type { LabelStudioResult } from '../spec/label-studio';
import { computeExactMatchMetrics, isValueMatch } from './compute-exact-match-metrics';
import { readComparableValue } from './read-comparable-value';

function result(type: string, value: Record<string, unknown>): LabelStudioResult {
  return { id: 'r', from_name: 'control', to_name: 'text', type, value };
}

describe('readComparableValue', () => {
  it.each([
    ['rating', result('rating', { rating: 4 }), result('rating', { rating: 4 }), true],
    ['rating', result('rating', { rating: 4 }), result('rating', { rating: 3 }), false],
    ['number, however written', result('number', { number: 12.5 }), result('number', { number: 12.50 }), true],
    ['datetime', result('datetime', { datetime: '2024-01-15' }), result('datetime', { datetime: '2024-01-15' }), true],
    ['datetime', result('datetime', { datetime: '2024-01-15' }), result('datetime', { datetime: '2024-01-16' }), false],
    ['pairwise', result('pairwise', { selected: 'left' }), result('pairwise', { selected: 'right' }), false],
    ['taxonomy paths in any order', result('taxonomy', { taxonomy: [['A', 'B'], ['C']] }), result('taxonomy', { taxonomy: [['C'], ['A', 'B']] }), true],
    ['taxonomy, another path', result('taxonomy', { taxonomy: [['A', 'B']] }), result('taxonomy', { taxonomy: [['A']] }), false],
    ['another control: its value, keys in any order', result('ranker', { ranker: { rank: ['a', 'b'] }, x: 1 }), result('ranker', { x: 1, ranker: { rank: ['a', 'b'] } }), true],
  ])('%s', (_case, gold, predicted, equal) => {
    expect(readComparableValue([gold]) === readComparableValue([predicted])).toBe(equal);
  });

  it('is null without a result', () => {
    expect(readComparableValue([])).toBeNull();
  });
});

describe('computeExactMatchMetrics', () => {
  it('counts equal values; no answer is wrong', () => {
    const pairs = [
      { gold: '4', predicted: '4' },
      { gold: '4', predicted: '5' },
      { gold: '2', predicted: null },
      { gold: '1', predicted: '1' },
    ];
    expect(pairs.map(isValueMatch)).toEqual([true, false, false, true]);
    expect(computeExactMatchMetrics(pairs)).toEqual({ kind: 'exact', exactMatch: { count: 2, total: 4, rate: 0.5 } });
  });
});
