import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { pairwiseTask } from './pairwise-task';

function createTarget(
  control: Partial<ControlTag> = {},
  objects: ObjectTag[] = [createTestObject({ name: 'answer_a' }), createTestObject({ name: 'answer_b' })],
): PredictionTarget {
  return createTestTarget({ type: 'Pairwise', name: 'pw', toName: ['answer_a', 'answer_b'], ...control }, objects);
}

describe('pairwiseTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['two Texts', createTarget(), true],
    ['Text and HyperText', createTarget({}, [createTestObject({ name: 'answer_a' }), createTestObject({ name: 'answer_b', type: 'HyperText' })]), true],
    [
      'two Paragraphs',
      createTarget({}, [createTestObject({ name: 'answer_a', type: 'Paragraphs' }), createTestObject({ name: 'answer_b', type: 'Paragraphs' })]),
      true,
    ],
    ['objects in the other config order', createTarget({}, [createTestObject({ name: 'answer_b' }), createTestObject({ name: 'answer_a' })]), true],
    ['a Text and an Image', createTarget({}, [createTestObject({ name: 'answer_a' }), createTestObject({ name: 'answer_b', type: 'Image' })]), false],
    ['a literal text', createTarget({}, [createTestObject({ name: 'answer_a' }), createTestObject({ name: 'answer_b', dataField: null })]), false],
    ['one object', createTarget({ toName: ['answer_a'] }, [createTestObject({ name: 'answer_a' })]), false],
    ['the same object twice', createTarget({ toName: ['answer_a', 'answer_a'] }, [createTestObject({ name: 'answer_a' })]), false],
    [
      'three objects',
      createTarget({ toName: ['answer_a', 'answer_b', 'c'] }, ['answer_a', 'answer_b', 'c'].map((name) => createTestObject({ name }))),
      false,
    ],
    ['another control type', createTarget({ type: 'Choices' }), false],
    ['per-region Pairwise', createTarget({ perRegion: true }), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(pairwiseTask.supports(target)).toBe(supported);
  });
});

describe('pairwiseTask.instructions', () => {
  test('names the left and right objects by data field, with a hint', () => {
    const target = createTarget({ attributes: { hint: 'Which  answer is\nmore accurate?' } });
    expect(pairwiseTask.instructions(target)).toBe(
      [
        '"pw" compares <answer_a> with <answer_b>: pick the better of the two.',
        '  Hint: Which answer is more accurate?',
        '  Answer "left" for <answer_a> or "right" for <answer_b>. If neither is better, answer null.',
      ].join('\n'),
    );
  });

  test('required: always pick one, in toName order', () => {
    const instructions = pairwiseTask.instructions(createTarget({ required: true, toName: ['answer_b', 'answer_a'] }));
    expect(instructions).toContain('Answer "left" for <answer_b> or "right" for <answer_a>. Always pick one.');
    expect(instructions).not.toMatch(/\{\w+\}/);
  });
});

describe('pairwiseTask wiring', () => {
  test('parses, maps and validates a round trip', () => {
    const target = createTarget();
    const parsed = pairwiseTask.parse('Right', target);
    expect(parsed).toEqual({ status: 'answered', value: 'right' });
    const drafts = pairwiseTask.map(parsed.status === 'answered' ? parsed.value : null, target, {});
    expect(drafts).toEqual([{ from_name: 'pw', to_name: 'answer_a', type: 'pairwise', value: { selected: 'right' } }]);
    expect(drafts.map((draft) => pairwiseTask.validate(draft, target, {}))).toEqual([null]);
  });

  test('describes the answer schema of the control', () => {
    expect(pairwiseTask.schema(createTarget({ required: true }))).toMatchObject({ type: 'string', enum: ['left', 'right'] });
  });

  test('is named pairwise.v1 and fills Pairwise', () => {
    expect(pairwiseTask.name).toBe('pairwise.v1');
    expect(pairwiseTask.controlType).toBe('Pairwise');
  });
});
