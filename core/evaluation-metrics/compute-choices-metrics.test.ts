import { computeChoicesMetrics, isChoicesMatch, macroF1, NO_ANSWER, scoreLabel, type ChoicesPair } from './compute-choices-metrics';

/** The shipped example's sentiment as gpt-4o answers it in the end-to-end test (task 5 failed, task 6 abstained). */
const SINGLE: ChoicesPair[] = [
  { gold: ['Positive'], predicted: ['Positive'] },
  { gold: ['Negative'], predicted: ['Negative'] },
  { gold: ['Neutral'], predicted: ['Positive'] },
  { gold: ['Positive'], predicted: ['Positive'] },
  { gold: ['Negative'], predicted: [] },
  { gold: ['Neutral'], predicted: [] },
];

const MULTIPLE: ChoicesPair[] = [
  { gold: ['A', 'B'], predicted: ['B', 'A'] },
  { gold: ['A'], predicted: ['A', 'C'] },
  { gold: ['B', 'C'], predicted: ['B'] },
  { gold: ['C'], predicted: [] },
];

describe('isChoicesMatch', () => {
  it.each([
    [['A'], ['A'], true],
    [['A', 'B'], ['B', 'A'], true],
    [['A'], ['A', 'B'], false],
    [['A'], [], false],
    [['A', 'A'], ['A'], true],
  ])('%j against %j → %s', (gold, predicted, expected) => {
    expect(isChoicesMatch({ gold, predicted })).toBe(expected);
  });
});

describe('scoreLabel', () => {
  // label, tp, fp, fn, precision, recall, F1 (F1 = 2tp / (2tp + fp + fn))
  it.each([
    ['Positive', 2, 1, 0, 2 / 3, 1, 0.8],
    ['Negative', 1, 0, 1, 1, 0.5, 2 / 3],
    ['Neutral', 0, 0, 2, null, 0, 0],
    ['Unused', 0, 0, 0, null, null, null],
  ])('single choice: %s', (label, truePositives, falsePositives, falseNegatives, precision, recall, f1) => {
    const score = scoreLabel(label, SINGLE);
    expect(score).toMatchObject({ label, truePositives, falsePositives, falseNegatives });
    for (const [actual, expected] of [[score.precision, precision], [score.recall, recall], [score.f1, f1]] as const) {
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 10);
    }
  });

  it.each([
    ['A', 2, 0, 0, 1],
    ['B', 2, 0, 0, 1],
    ['C', 0, 1, 2, 0],
  ])('multiple choice: %s', (label, truePositives, falsePositives, falseNegatives, f1) => {
    expect(scoreLabel(label, MULTIPLE)).toMatchObject({ truePositives, falsePositives, falseNegatives, f1 });
  });
});

describe('computeChoicesMetrics', () => {
  it('single choice: accuracy 3/6, macro-F1 (0.8 + 2/3 + 0) / 3, confusion matrix with a "no answer" column', () => {
    const metrics = computeChoicesMetrics(SINGLE, { labels: ['Positive', 'Negative', 'Neutral'], multiple: false });
    expect(metrics.accuracy).toEqual({ count: 3, total: 6, rate: 0.5 });
    expect(metrics.macroF1).toBeCloseTo((0.8 + 2 / 3 + 0) / 3, 10);
    expect(metrics.confusion).toEqual({
      rows: ['Positive', 'Negative', 'Neutral'],
      columns: ['Positive', 'Negative', 'Neutral', NO_ANSWER],
      counts: [
        [2, 0, 0, 0],
        [0, 1, 0, 1],
        [1, 0, 0, 1],
      ],
    });
  });

  it('multiple choice: exact set match 1/4, macro-F1 over labels in some answer (D is unused), no confusion matrix', () => {
    const metrics = computeChoicesMetrics(MULTIPLE, { labels: ['A', 'B', 'C', 'D'], multiple: true });
    expect(metrics.accuracy).toEqual({ count: 1, total: 4, rate: 0.25 });
    expect(metrics.macroF1).toBeCloseTo(2 / 3, 10);
    expect(metrics.labels.map((score) => score.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(metrics.labels[3]?.f1).toBeNull();
    expect(metrics.confusion).toBeNull();
  });

  it('adds labels the answers hold that the config does not list', () => {
    const metrics = computeChoicesMetrics([{ gold: ['Old label'], predicted: ['A'] }], { labels: ['A'], multiple: false });
    expect(metrics.labels.map((score) => score.label)).toEqual(['A', 'Old label']);
    expect(metrics.confusion?.counts).toEqual([
      [0, 0, 0],
      [1, 0, 0],
    ]);
  });

  it('has no accuracy and no macro-F1 without tasks', () => {
    const metrics = computeChoicesMetrics([], { labels: ['A'], multiple: false });
    expect(metrics.accuracy).toEqual({ count: 0, total: 0, rate: null });
    expect(metrics.macroF1).toBeNull();
    expect(macroF1([])).toBeNull();
  });
});
