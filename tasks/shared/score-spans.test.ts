import type { LabelStudioResult } from '../../core/spec/label-studio';
import { createTestOptions, createTestTarget } from './create-test-target';
import { scoreSpans } from './score-spans';

const target = createTestTarget({ type: 'Labels', name: 'ner', options: createTestOptions(['Org', 'City']) });
const span = (label: string, start: number, end: number): LabelStudioResult => ({ id: `${label}${start}`, from_name: 'ner', to_name: 'text', type: 'labels', value: { start, end, labels: [label] } });

describe('scoreSpans', () => {
  it('judges every task, one without human spans too, and sums strict and partial matches', () => {
    const score = scoreSpans({
      target,
      items: [
        { truth: [span('Org', 0, 9)], predicted: [span('Org', 0, 9)], data: {} },
        { truth: [span('City', 20, 26)], predicted: [span('City', 18, 26)], data: {} },
        { truth: [], predicted: [], data: {} },
        { truth: [], predicted: [span('Org', 1, 2)], data: {} },
      ],
    });
    expect(score.verdicts).toEqual([true, false, true, false]);
    expect(score.metrics).toEqual({
      kind: 'spans',
      strict: { matched: 1, predicted: 3, gold: 2, precision: 1 / 3, recall: 0.5, f1: 0.4 },
      partial: { matched: 2, predicted: 3, gold: 2, precision: 2 / 3, recall: 1, f1: 0.8 },
    });
  });
});
