import type { LabelStudioTask } from '../../core/spec/label-studio';
import { collectEvaluationTasks } from './read-evaluation-tasks';
import { selectGroundTruth } from './select-ground-truth';

const choice = (label: string) => ({ id: label, from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: [label] } });

function task(annotations: unknown): LabelStudioTask {
  return { id: 1, data: { text: 'x' }, annotations };
}

describe('selectGroundTruth', () => {
  it.each([
    ['no annotations key', task(undefined), { status: 'without-annotations' }],
    ['an empty list', task([]), { status: 'without-annotations' }],
    ['only cancelled annotations', task([{ result: [], was_cancelled: true }]), { status: 'only-cancelled' }],
    ['the first one not cancelled', task([{ result: [choice('A')], was_cancelled: true }, { result: [choice('B')] }, { result: [choice('C')] }]), { status: 'annotated', results: [choice('B')] }],
    ['the one marked ground truth', task([{ result: [choice('A')] }, { result: [choice('B')], ground_truth: true }]), { status: 'annotated', results: [choice('B')] }],
    ['not a cancelled ground truth', task([{ result: [choice('A')], ground_truth: true, was_cancelled: true }, { result: [choice('B')] }]), { status: 'annotated', results: [choice('B')] }],
    [
      'without relations',
      task([{ result: [choice('A'), { type: 'relation', from_id: 'a', to_id: 'b', direction: 'right' }] }]),
      { status: 'annotated', results: [choice('A')] },
    ],
    ['an annotation without result', task([{ was_cancelled: false }]), { status: 'annotated', results: [] }],
  ])('%s', (_case, input, expected) => {
    expect(selectGroundTruth(input)).toEqual(expected);
  });
});

describe('collectEvaluationTasks', () => {
  it('keeps annotated tasks and counts the others', () => {
    const tasks = [task([{ result: [choice('A')] }]), task([]), task([{ result: [], was_cancelled: true }]), task([{ result: [choice('B')] }])];
    const { tasks: evaluated, counts } = collectEvaluationTasks(tasks);
    expect(counts).toEqual({ inFile: 4, evaluated: 2, withoutAnnotations: 1, onlyCancelled: 1 });
    expect(evaluated.map((item) => item.groundTruth)).toEqual([[choice('A')], [choice('B')]]);
  });
});
