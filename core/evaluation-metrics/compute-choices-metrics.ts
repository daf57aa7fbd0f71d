import { createRatio } from './create-ratio';
import type { ChoicesMetrics, ConfusionMatrix, LabelScore } from '../spec/control-score';

/** One task's labels for a Choices control: the human's (never empty) and the model's (empty: no answer). */
export interface ChoicesPair {
  gold: string[];
  predicted: string[];
}

export const NO_ANSWER = '(no answer)';

export function isChoicesMatch(pair: ChoicesPair): boolean {
  const gold = new Set(pair.gold);
  const predicted = new Set(pair.predicted);
  return gold.size === predicted.size && [...gold].every((label) => predicted.has(label));
}

/** The config's labels, then any other label an answer holds, in order of appearance. */
function labelsOf(pairs: ChoicesPair[], configLabels: string[]): string[] {
  const labels = new Set(configLabels);
  for (const pair of pairs) for (const label of [...pair.gold, ...pair.predicted]) labels.add(label);
  return [...labels];
}

export function scoreLabel(label: string, pairs: ChoicesPair[]): LabelScore {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const pair of pairs) {
    const inGold = pair.gold.includes(label);
    const inPredicted = pair.predicted.includes(label);
    if (inGold && inPredicted) truePositives += 1;
    else if (inPredicted) falsePositives += 1;
    else if (inGold) falseNegatives += 1;
  }
  const predicted = truePositives + falsePositives;
  const gold = truePositives + falseNegatives;
  return {
    label,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: predicted === 0 ? null : truePositives / predicted,
    recall: gold === 0 ? null : truePositives / gold,
    f1: predicted + gold === 0 ? null : (2 * truePositives) / (predicted + gold),
  };
}

/** Mean F1 over labels that occur in some answer; labels nobody used have no F1 and do not count. */
export function macroF1(scores: LabelScore[]): number | null {
  const defined = scores.flatMap((score) => (score.f1 === null ? [] : [score.f1]));
  return defined.length === 0 ? null : defined.reduce((total, f1) => total + f1, 0) / defined.length;
}

/** Single choice: the human label's row, the model's label's column (or "no answer"). */
export function computeConfusionMatrix(pairs: ChoicesPair[], labels: string[]): ConfusionMatrix {
  const columns = [...labels, NO_ANSWER];
  const counts = labels.map(() => columns.map(() => 0));
  for (const pair of pairs) {
    const row = counts[labels.indexOf(pair.gold[0] ?? '')];
    const column = columns.indexOf(pair.predicted[0] ?? NO_ANSWER);
    if (row && column >= 0) row[column] = (row[column] ?? 0) + 1;
  }
  return { rows: labels, columns, counts };
}

/** Accuracy (exact set match), per-label precision/recall/F1, macro-F1 and, for single choice, the confusion matrix. */
export function computeChoicesMetrics(pairs: ChoicesPair[], options: { labels: string[]; multiple: boolean }): ChoicesMetrics {
  const labels = labelsOf(pairs, options.labels);
  const scores = labels.map((label) => scoreLabel(label, pairs));
  return {
    kind: 'choices',
    multiple: options.multiple,
    accuracy: createRatio(pairs.filter(isChoicesMatch).length, pairs.length),
    macroF1: macroF1(scores),
    labels: scores,
    confusion: options.multiple ? null : computeConfusionMatrix(pairs, labels),
  };
}
