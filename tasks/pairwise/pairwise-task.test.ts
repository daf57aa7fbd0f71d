import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { fillTemplate, pairwiseTask } from './pairwise-task';

function createObject(name: string, details: Partial<ObjectTag> = {}): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {}, ...details };
}

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return {
    type: 'Pairwise',
    name: 'pw',
    toName: ['answer_a', 'answer_b'],
    choice: 'single',
    required: false,
    options: [],
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
    ...details,
  };
}

function createTarget(
  control: Partial<ControlTag> = {},
  objects: ObjectTag[] = [createObject('answer_a'), createObject('answer_b')],
): PredictionTarget {
  return { control: createControl(control), objects };
}

describe('pairwiseTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['two Texts', createTarget(), true],
    ['Text and HyperText', createTarget({}, [createObject('answer_a'), createObject('answer_b', { type: 'HyperText' })]), true],
    ['two Paragraphs', createTarget({}, [createObject('answer_a', { type: 'Paragraphs' }), createObject('answer_b', { type: 'Paragraphs' })]), true],
    ['objects in the other config order', createTarget({}, [createObject('answer_b'), createObject('answer_a')]), true],
    ['a Text and an Image', createTarget({}, [createObject('answer_a'), createObject('answer_b', { type: 'Image' })]), false],
    ['a literal text', createTarget({}, [createObject('answer_a'), createObject('answer_b', { dataField: null })]), false],
    ['one object', createTarget({ toName: ['answer_a'] }, [createObject('answer_a')]), false],
    ['the same object twice', createTarget({ toName: ['answer_a', 'answer_a'] }, [createObject('answer_a')]), false],
    ['three objects', createTarget({ toName: ['answer_a', 'answer_b', 'c'] }, [createObject('answer_a'), createObject('answer_b'), createObject('c')]), false],
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

describe('fillTemplate', () => {
  test.each<[string, Record<string, string>, string]>([
    ['{a} and {b}', { a: '1', b: '2' }, '1 and 2'],
    ['{a}', { a: '{b}', b: 'x' }, '{b}'],
    ['{unknown} stays', {}, '{unknown} stays'],
  ])('%j', (template, values, filled) => {
    expect(fillTemplate(template, values)).toBe(filled);
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
