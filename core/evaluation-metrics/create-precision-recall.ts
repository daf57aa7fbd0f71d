import type { PrecisionRecall } from '../spec/control-score';

/** F1 is `2·matched / (predicted + gold)`: 0 when one side is empty, null when both are. */
export function createPrecisionRecall(matched: number, predicted: number, gold: number): PrecisionRecall {
  return {
    matched,
    predicted,
    gold,
    precision: predicted === 0 ? null : matched / predicted,
    recall: gold === 0 ? null : matched / gold,
    f1: predicted + gold === 0 ? null : (2 * matched) / (predicted + gold),
  };
}
