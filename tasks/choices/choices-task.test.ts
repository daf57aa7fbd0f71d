import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { Registry } from '../../core/registry';
import { registerBuiltinTasks } from '../index';
import { createTestObject, createTestOption, createTestOptions, createTestTarget } from '../shared/create-test-target';
import { choicesTask } from './choices-task';

function createTarget(control: Partial<ControlTag> = {}, objects?: ObjectTag[]): PredictionTarget {
  const options = createTestOptions(['Positive', 'Negative']);
  return createTestTarget({ type: 'Choices', name: 'sentiment', options, ...control }, objects);
}

describe('choicesTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['Choices on Text', createTarget(), true],
    ['Choices on HyperText', createTarget({}, [createTestObject({ type: 'HyperText' })]), true],
    ['Choices on Paragraphs', createTarget({}, [createTestObject({ type: 'Paragraphs' })]), true],
    ['Choices on two text objects', createTarget({}, [createTestObject(), createTestObject({ name: 'title' })]), true],
    ['multiple choice', createTarget({ choice: 'multiple' }), true],
    ['another control type', createTarget({ type: 'Labels' }), false],
    ['per-region Choices', createTarget({ perRegion: true }), false],
    ['options from task data', createTarget({ dynamicOptions: true, options: [] }), false],
    ['dynamic options even with static ones', createTarget({ dynamicOptions: true }), false],
    ['no options', createTarget({ options: [] }), false],
    ['nested options', createTarget({ options: [createTestOption('Sports', { children: [createTestOption('Football')] })] }), false],
    ['an Image object (for vision models)', createTarget({}, [createTestObject({ type: 'Image' })]), true],
    ['an Audio object', createTarget({}, [createTestObject({ type: 'Audio' })]), false],
    ['a text object and an Image object', createTarget({}, [createTestObject(), createTestObject({ name: 'image', type: 'Image' })]), true],
    ['a literal text object', createTarget({}, [createTestObject({ value: 'Read this', dataField: null })]), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(choicesTask.supports(target)).toBe(supported);
  });
});

describe('choicesTask.instructions', () => {
  test('single optional choice with hints and an alias', () => {
    const target = createTarget({
      options: [createTestOption('Positive', { hint: 'The author  likes\nit' }), createTestOption('Negative sentiment', { alias: 'NEG' })],
    });
    expect(choicesTask.instructions(target)).toBe(
      [
        '"sentiment" for <text>: choose exactly one label, the one that fits best.',
        '  Labels:',
        '  - Positive: The author likes it',
        '  - NEG (Negative sentiment)',
        '  Write each label exactly as listed; never reword, translate or invent a label. If no label applies, answer null.',
      ].join('\n'),
    );
  });

  test.each<[string, Partial<ControlTag>, string[]]>([
    ['single, required', { required: true }, ['exactly one label', 'Always give the closest label.']],
    ['multiple, optional', { choice: 'multiple' }, ['every label that applies', 'If no label applies, answer an empty list.']],
    ['multiple, required', { choice: 'multiple', required: true }, ['every label that applies', 'Give at least one label.']],
  ])('%s', (_case, control, phrases) => {
    const instructions = choicesTask.instructions(createTarget(control));
    for (const phrase of phrases) expect(instructions).toContain(phrase);
    expect(instructions).not.toMatch(/\{\w+\}/);
  });

  test('names every object the control reads', () => {
    const target = createTarget({}, [createTestObject(), createTestObject({ name: 'heading', dataField: 'title' })]);
    expect(choicesTask.instructions(target)).toMatch(/^"sentiment" for <text> and <title>:/);
  });

  test('leaves braces in labels as written', () => {
    const target = createTarget({ options: [createTestOption('{labelList}')] });
    expect(choicesTask.instructions(target)).toContain('  - {labelList}\n');
  });
});

describe('choicesTask wiring', () => {
  test('parses, maps and validates a round trip', () => {
    const target = createTarget({ options: [createTestOption('Positive sentiment', { alias: 'POS' }), createTestOption('Negative')] });
    const parsed = choicesTask.parse('positive sentiment', target);
    expect(parsed).toEqual({ status: 'answered', value: ['POS'] });
    const drafts = choicesTask.map(parsed.status === 'answered' ? parsed.value : null, target, {});
    expect(drafts).toEqual([{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['POS'] } }]);
    expect(drafts.map((draft) => choicesTask.validate(draft, target, {}))).toEqual([null]);
  });

  test('describes the answer schema of the control', () => {
    expect(choicesTask.schema(createTarget({ required: true }))).toMatchObject({ type: 'string', enum: ['Positive', 'Negative'] });
  });

  test('is registered as a built-in task', () => {
    const registry = new Registry();
    registerBuiltinTasks(registry);
    expect(registry.get('task', 'choices.v1')).toBe(choicesTask);
    expect(choicesTask.controlType).toBe('Choices');
  });
});
