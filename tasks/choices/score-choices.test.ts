import type { LabelStudioResult } from '../../core/spec/label-studio';
import { createTestOptions, createTestTarget } from '../shared/create-test-target';
import { scoreChoices } from './score-choices';

const target = createTestTarget({ type: 'Choices', name: 'sentiment', options: createTestOptions(['Positive', 'Negative']) });
const chose = (...choices: string[]): LabelStudioResult[] => [{ id: 'r', from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices } }];

describe('scoreChoices', () => {
  const score = scoreChoices({
    target,
    items: [
      { truth: chose('Positive'), predicted: chose('Positive'), data: {} },
      { truth: chose('Negative'), predicted: chose('Positive'), data: {} },
      { truth: [], predicted: chose('Negative'), data: {} },
      { truth: chose('Negative'), predicted: [], data: {} },
    ],
  });

  it('judges each task the human answered; a task the human left empty gets no verdict', () => {
    expect(score.verdicts).toEqual([true, false, null, false]);
  });

  it('counts accuracy over the answered tasks and a confusion matrix over the options, with "no answer"', () => {
    expect(score.metrics).toMatchObject({ kind: 'choices', multiple: false, accuracy: { count: 1, total: 3, rate: 1 / 3 } });
    expect(score.metrics.kind === 'choices' && score.metrics.confusion).toEqual({
      rows: ['Positive', 'Negative'],
      columns: ['Positive', 'Negative', '(no answer)'],
      counts: [
        [1, 0, 0],
        [1, 0, 1],
      ],
    });
  });
});
