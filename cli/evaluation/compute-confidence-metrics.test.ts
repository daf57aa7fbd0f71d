import {
  accuracyAboveThresholds,
  computeAuroc,
  computeConfidenceMetrics,
  computeReliabilityBins,
  expectedCalibrationError,
  NO_CONFIDENCE_SCORES,
  type ScoredVerdict,
} from './compute-confidence-metrics';

const verdict = (score: number, right: boolean): ScoredVerdict => ({ score, right });

/** Right: 0.9, 0.8, 0.4; wrong: 0.7, 0.4, 0.2. */
const MIXED = [verdict(0.9, true), verdict(0.7, false), verdict(0.8, true), verdict(0.4, true), verdict(0.4, false), verdict(0.2, false)];

describe('computeAuroc', () => {
  it.each([
    // 9 (right, wrong) pairs: 0.9 and 0.8 beat all three wrong (6), 0.4 beats 0.2 and ties 0.4 (1.5): 7.5 / 9
    ['mixed, with a tie', MIXED, 7.5 / 9],
    ['perfectly separated', [verdict(0.9, true), verdict(0.6, true), verdict(0.5, false)], 1],
    ['inverted', [verdict(0.1, true), verdict(0.6, false), verdict(0.5, false)], 0],
    ['all tied', [verdict(0.5, true), verdict(0.5, false)], 0.5],
    ['only right tasks', [verdict(0.9, true), verdict(0.1, true)], null],
    ['only wrong tasks', [verdict(0.9, false)], null],
    ['no tasks', [], null],
  ])('%s → %s', (_case, verdicts, expected) => {
    if (expected === null) expect(computeAuroc(verdicts)).toBeNull();
    else expect(computeAuroc(verdicts)).toBeCloseTo(expected, 10);
  });
});

describe('accuracyAboveThresholds', () => {
  it.each([
    [0.5, 3, 2],
    [0.75, 2, 2],
    [0.8, 2, 2],
    [0.85, 1, 1],
    [0.95, 0, 0],
  ])('score >= %d keeps %d tasks, %d right', (threshold, kept, right) => {
    const [row] = accuracyAboveThresholds(MIXED, [threshold]);
    expect(row?.kept).toEqual({ count: kept, total: 6, rate: kept / 6 });
    expect(row?.accuracy).toEqual({ count: right, total: kept, rate: kept === 0 ? null : right / kept });
  });

  it('uses the thresholds 0.50 to 0.95 by default', () => {
    expect(accuracyAboveThresholds(MIXED).map((row) => row.threshold)).toEqual([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
  });
});

describe('computeReliabilityBins', () => {
  it('puts scores into tenths (1 into the last bin) with their mean score and accuracy', () => {
    const bins = computeReliabilityBins([...MIXED, verdict(1, true), verdict(0, false)]);
    expect(bins).toHaveLength(10);
    const filled = bins.filter((bin) => bin.tasks > 0).map((bin) => [bin.lower, bin.tasks, bin.meanScore, bin.accuracy]);
    expect(filled).toEqual([
      [0, 1, 0, 0],
      [0.2, 1, 0.2, 0],
      [0.4, 2, 0.4, 0.5],
      [0.7, 1, 0.7, 0],
      [0.8, 1, 0.8, 1],
      [0.9, 2, 0.95, 1],
    ]);
    expect(bins[3]).toEqual({ lower: 0.3, upper: 0.4, tasks: 0, meanScore: null, accuracy: null });
  });

  it('weighs the gaps by tasks: (0.2 + 2·0.1 + 0.7 + 0.2 + 0.1) / 6', () => {
    expect(expectedCalibrationError(computeReliabilityBins(MIXED))).toBeCloseTo(1.4 / 6, 10);
    expect(expectedCalibrationError(computeReliabilityBins([]))).toBeNull();
  });
});

describe('computeConfidenceMetrics', () => {
  it('says "no confidence scores" when no task has a score', () => {
    expect(computeConfidenceMetrics([{ score: null, right: true }, { score: null, right: false }])).toEqual({ available: false, reason: NO_CONFIDENCE_SCORES });
  });

  it('uses the scored tasks and says how many there are', () => {
    const metrics = computeConfidenceMetrics([...MIXED, { score: null, right: false }]);
    if (!metrics.available) throw new Error('expected confidence figures');
    expect(metrics.scoredTasks).toEqual({ count: 6, total: 7, rate: 6 / 7 });
    expect(metrics.auroc).toBeCloseTo(7.5 / 9, 10);
    expect(metrics.thresholds[0]?.accuracy.count).toBe(2);
    expect(metrics.reliability).toHaveLength(10);
  });
});
