import { createRatio } from '../../core/evaluation-metrics/create-ratio';
import type { ConfidenceMetrics, ReliabilityBin, ThresholdRow } from './evaluation-report';

export interface ScoredVerdict {
  score: number;
  right: boolean;
}

export const CONFIDENCE_THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
export const RELIABILITY_BIN_COUNT = 10;
export const NO_CONFIDENCE_SCORES = 'no confidence scores';

/**
 * The probability that a right task scores higher than a wrong one, ties counting half (the area under the ROC
 * curve, from average ranks). Null when every task is right or every task is wrong.
 */
export function computeAuroc(verdicts: ScoredVerdict[]): number | null {
  const rightCount = verdicts.filter((verdict) => verdict.right).length;
  const wrongCount = verdicts.length - rightCount;
  if (rightCount === 0 || wrongCount === 0) return null;
  const sorted = [...verdicts].sort((left, right) => left.score - right.score);
  let rightRankSum = 0;
  let first = 0;
  while (first < sorted.length) {
    let last = first;
    while (last + 1 < sorted.length && (sorted[last + 1] as ScoredVerdict).score === (sorted[first] as ScoredVerdict).score) last += 1;
    const averageRank = (first + last) / 2 + 1;
    for (let index = first; index <= last; index += 1) if ((sorted[index] as ScoredVerdict).right) rightRankSum += averageRank;
    first = last + 1;
  }
  return (rightRankSum - (rightCount * (rightCount + 1)) / 2) / (rightCount * wrongCount);
}

/** For each threshold: the tasks scored at or above it, and how many of those are right. */
export function accuracyAboveThresholds(verdicts: ScoredVerdict[], thresholds: number[] = CONFIDENCE_THRESHOLDS): ThresholdRow[] {
  return thresholds.map((threshold) => {
    const kept = verdicts.filter((verdict) => verdict.score >= threshold);
    return {
      threshold,
      kept: createRatio(kept.length, verdicts.length),
      accuracy: createRatio(kept.filter((verdict) => verdict.right).length, kept.length),
    };
  });
}

/** Equal-width score bins over [0, 1] (the last one includes 1): mean score against the share of right tasks. */
export function computeReliabilityBins(verdicts: ScoredVerdict[], binCount = RELIABILITY_BIN_COUNT): ReliabilityBin[] {
  const bins = Array.from({ length: binCount }, () => ({ tasks: 0, scoreSum: 0, rightCount: 0 }));
  for (const verdict of verdicts) {
    const bin = bins[Math.min(binCount - 1, Math.max(0, Math.floor(verdict.score * binCount)))] as (typeof bins)[number];
    bin.tasks += 1;
    bin.scoreSum += verdict.score;
    if (verdict.right) bin.rightCount += 1;
  }
  return bins.map((bin, index) => ({
    lower: index / binCount,
    upper: (index + 1) / binCount,
    tasks: bin.tasks,
    meanScore: bin.tasks === 0 ? null : bin.scoreSum / bin.tasks,
    accuracy: bin.tasks === 0 ? null : bin.rightCount / bin.tasks,
  }));
}

/** The task-weighted mean gap between mean score and accuracy over the bins. */
export function expectedCalibrationError(bins: ReliabilityBin[]): number | null {
  const total = bins.reduce((sum, bin) => sum + bin.tasks, 0);
  if (total === 0) return null;
  return bins.reduce((sum, bin) => sum + (bin.tasks / total) * Math.abs((bin.meanScore ?? 0) - (bin.accuracy ?? 0)), 0);
}

/** Confidence figures over the tasks that have both a verdict and a `prediction.score`. */
export function computeConfidenceMetrics(verdicts: Array<{ score: number | null; right: boolean }>): ConfidenceMetrics {
  const scored = verdicts.flatMap((verdict) => (verdict.score === null ? [] : [{ score: verdict.score, right: verdict.right }]));
  if (scored.length === 0) return { available: false, reason: NO_CONFIDENCE_SCORES };
  const reliability = computeReliabilityBins(scored);
  return {
    available: true,
    scoredTasks: createRatio(scored.length, verdicts.length),
    auroc: computeAuroc(scored),
    thresholds: accuracyAboveThresholds(scored),
    reliability,
    expectedCalibrationError: expectedCalibrationError(reliability),
  };
}
