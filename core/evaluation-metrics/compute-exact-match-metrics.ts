import { createRatio } from './create-ratio';
import type { ExactMatchMetrics } from '../spec/control-score';

/** One task's comparable values for a control: the human's and the model's (null: no answer). */
export interface ValuePair {
  gold: string;
  predicted: string | null;
}

export function isValueMatch(pair: ValuePair): boolean {
  return pair.predicted !== null && pair.predicted === pair.gold;
}

export function computeExactMatchMetrics(pairs: ValuePair[]): ExactMatchMetrics {
  return { kind: 'exact', exactMatch: createRatio(pairs.filter(isValueMatch).length, pairs.length) };
}
