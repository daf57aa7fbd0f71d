import type { ControlOption, ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { Registry } from '../../core/registry';
import { registerBuiltinTasks } from '../index';
import { choicesTask, fillTemplate } from './choices-task';

function createOption(value: string, details: Partial<ControlOption> = {}): ControlOption {
  return { value, resultValue: details.alias ?? value, attributes: {}, children: [], ...details };
}

function createObject(details: Partial<ObjectTag> = {}): ObjectTag {
  return { type: 'Text', name: 'text', value: '$text', dataField: 'text', attributes: {}, ...details };
}

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return {
    type: 'Choices',
    name: 'sentiment',
    toName: ['text'],
    choice: 'single',
    required: false,
    options: [createOption('Positive'), createOption('Negative')],
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
    ...details,
  };
}

function createTarget(control: Partial<ControlTag> = {}, objects: ObjectTag[] = [createObject()]): PredictionTarget {
  return { control: createControl(control), objects };
}

describe('choicesTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['Choices on Text', createTarget(), true],
    ['Choices on HyperText', createTarget({}, [createObject({ type: 'HyperText' })]), true],
    ['Choices on Paragraphs', createTarget({}, [createObject({ type: 'Paragraphs' })]), true],
    ['Choices on two text objects', createTarget({}, [createObject(), createObject({ name: 'title', dataField: 'title' })]), true],
    ['multiple choice', createTarget({ choice: 'multiple' }), true],
    ['another control type', createTarget({ type: 'Labels' }), false],
    ['per-region Choices', createTarget({ perRegion: true }), false],
    ['options from task data', createTarget({ dynamicOptions: true, options: [] }), false],
    ['dynamic options even with static ones', createTarget({ dynamicOptions: true }), false],
    ['no options', createTarget({ options: [] }), false],
    ['nested options', createTarget({ options: [createOption('Sports', { children: [createOption('Football')] })] }), false],
    ['an Image object', createTarget({}, [createObject({ type: 'Image' })]), false],
    ['a text object and an Image object', createTarget({}, [createObject(), createObject({ type: 'Image', name: 'image' })]), false],
    ['a literal text object', createTarget({}, [createObject({ value: 'Read this', dataField: null })]), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(choicesTask.supports(target)).toBe(supported);
  });
});

describe('choicesTask.instructions', () => {
  test('single optional choice with hints and an alias', () => {
    const target = createTarget({
      options: [createOption('Positive', { hint: 'The author  likes\nit' }), createOption('Negative sentiment', { alias: 'NEG' })],
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
    const target = createTarget({}, [createObject(), createObject({ name: 'heading', dataField: 'title' })]);
    expect(choicesTask.instructions(target)).toMatch(/^"sentiment" for <text> and <title>:/);
  });

  test('leaves braces in labels as written', () => {
    const target = createTarget({ options: [createOption('{labelList}')] });
    expect(choicesTask.instructions(target)).toContain('  - {labelList}\n');
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

describe('choicesTask wiring', () => {
  test('parses, maps and validates a round trip', () => {
    const target = createTarget({ options: [createOption('Positive sentiment', { alias: 'POS' }), createOption('Negative')] });
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
    expect(registry.getTask('choices.v1')).toBe(choicesTask);
    expect(choicesTask.controlType).toBe('Choices');
  });
});
