import type { ControlScore, ScoreInput } from '../../core/spec/control-score';
import { computeExactMatchMetrics, isValueMatch, type ValuePair } from '../../core/evaluation-metrics/compute-exact-match-metrics';
import { judgeEach } from '../../core/evaluation-metrics/judge-each';
import { readComparableValue } from '../../core/evaluation-metrics/read-comparable-value';

/**
 * Exact match of the answer value, shared by the tasks whose answer is one value (Rating, Number, DateTime,
 * Taxonomy, Pairwise), over the tasks where the human answered.
 */
export function scoreExactMatch({ items }: ScoreInput): ControlScore {
  const { pairs, verdicts } = judgeEach<ValuePair>(
    items,
    (item) => {
      const truth = readComparableValue(item.truth);
      return truth === null ? null : { gold: truth, predicted: readComparableValue(item.predicted) };
    },
    isValueMatch,
  );
  return { metrics: computeExactMatchMetrics(pairs), verdicts };
}
