import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestOption, createTestTarget } from '../shared/create-test-target';
import { labelsTask } from './labels-task';

function createTarget(control: Partial<ControlTag> = {}, objects?: ObjectTag[]): PredictionTarget {
  const options = [createTestOption('PER', { hint: 'A  person,\nalive or not' }), createTestOption('Organisation', { alias: 'ORG' })];
  return createTestTarget({ type: 'Labels', name: 'ner', options, ...control }, objects);
}

describe('labelsTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['Labels on Text', createTarget(), true],
    ['multiple labels per span', createTarget({ choice: 'multiple' }), true],
    ['Labels on Text with valueType="text"', createTarget({}, [createTestObject({ attributes: { valueType: 'text' } })]), true],
    ['another control type', createTarget({ type: 'Choices' }), false],
    ['HyperTextLabels', createTarget({ type: 'HyperTextLabels' }), false],
    ['per-region Labels', createTarget({ perRegion: true }), false],
    ['labels from task data', createTarget({ dynamicOptions: true, options: [] }), false],
    ['no labels', createTarget({ options: [] }), false],
    ['nested options', createTarget({ options: [createTestOption('A', { children: [createTestOption('B')] })] }), false],
    ['Labels on HyperText', createTarget({}, [createTestObject({ type: 'HyperText' })]), false],
    ['Labels on Paragraphs', createTarget({}, [createTestObject({ type: 'Paragraphs' })]), false],
    ['Labels on an Image', createTarget({}, [createTestObject({ type: 'Image' })]), false],
    ['a text loaded from a URL', createTarget({}, [createTestObject({ attributes: { valueType: 'url' } })]), false],
    ['a base64-encoded text', createTarget({}, [createTestObject({ attributes: { encoding: 'base64' } })]), false],
    ['a literal text', createTarget({}, [createTestObject({ value: 'Read me', dataField: null })]), false],
    ['two texts', createTarget({}, [createTestObject(), createTestObject({ name: 'title', dataField: 'title' })]), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(labelsTask.supports(target)).toBe(supported);
  });
});

describe('labelsTask.instructions', () => {
  test('names the control, object, labels with hints and aliases, and the answer rules', () => {
    const instructions = labelsTask.instructions(createTarget());
    expect(instructions.split('\n').slice(0, 4)).toEqual([
      '"ner" for <text>: find every mention of something a label below names. Give each mention the one label that fits best. Mentions never overlap: mark each stretch of text at most once.',
      '  Labels:',
      '  - PER: A person, alive or not',
      '  - ORG (Organisation)',
    ]);
    expect(instructions).toContain('"text": the mention copied character for character from the text');
    expect(instructions).toContain('"context": the mention with a few words before and after it');
    expect(instructions).not.toMatch(/\{\w+\}/);
    expect(instructions).toBe(instructions.trimEnd());
  });

  test.each<[string, Partial<ControlTag>, string]>([
    ['multiple labels', { choice: 'multiple' }, 'When several labels apply to one mention, list the mention once per label.'],
    ['overlaps allowed', { attributes: { allowOverlap: 'true' } }, 'Mentions may overlap or nest.'],
  ])('%s', (_case, control, phrase) => {
    expect(labelsTask.instructions(createTarget(control))).toContain(phrase);
  });
});

describe('labelsTask wiring', () => {
  test('parses, maps, reports and validates a round trip', () => {
    const target = createTarget();
    const data = { text: '🐱 Barack Obama met the WHO. Obama left.' };
    const parsed = labelsTask.parse(
      [
        { label: 'PER', text: 'Obama', context: 'Obama left' },
        { label: 'Organisation', text: 'who', context: 'the WHO.' },
        { label: 'PER', text: 'Merkel', context: 'Merkel' },
      ],
      target,
    );
    expect(parsed.status).toBe('answered');
    const value = parsed.status === 'answered' ? parsed.value : null;
    const drafts = labelsTask.map(value, target, data);
    expect(drafts).toEqual([
      { from_name: 'ner', to_name: 'text', type: 'labels', value: { start: 23, end: 26, text: 'WHO', labels: ['ORG'] } },
      { from_name: 'ner', to_name: 'text', type: 'labels', value: { start: 28, end: 33, text: 'Obama', labels: ['PER'] } },
    ]);
    expect(labelsTask.reportMapping(value, target, data)).toEqual({ drafts, dropped: ['"Merkel" (PER) is not in the text'] });
    expect(drafts.map((draft) => labelsTask.validate(draft, target, data))).toEqual([null, null]);
  });

  test('describes the answer schema of the control', () => {
    expect(labelsTask.schema(createTarget())).toMatchObject({ type: 'array', items: { required: ['label', 'text', 'context'] } });
  });

  test('names itself and its control type', () => {
    expect(labelsTask.name).toBe('labels.v1');
    expect(labelsTask.controlType).toBe('Labels');
  });
});

describe('labelsTask.chunking', () => {
  test('chunks the text field of a supported control only', () => {
    expect(labelsTask.chunking?.field(createTarget())).toBe('text');
    expect(labelsTask.chunking?.field(createTarget({}, [createTestObject({ attributes: { valueType: 'url' } })]))).toBeNull();
  });

  test('merged chunk answers map against the whole text', () => {
    const target = createTarget();
    const data = { text: 'Obama spoke. Obama left. Obama returned.' };
    const chunkAnswer = (raw: unknown): unknown => {
      const parsed = labelsTask.parse(raw, target);
      return parsed.status === 'answered' ? parsed.value : null;
    };
    const merged = labelsTask.chunking?.merge(
      [
        { value: chunkAnswer([{ label: 'PER', text: 'Obama', context: 'Obama' }, { label: 'PER', text: 'Obama', context: 'Obama' }]), offset: 0 },
        { value: chunkAnswer([{ label: 'PER', text: 'Obama', context: 'Obama' }, { label: 'PER', text: 'Obama', context: 'Obama' }]), offset: 13 },
      ],
      target,
    );
    expect(labelsTask.map(merged, target, data).map((draft) => draft.value.start)).toEqual([0, 13, 25]);
  });
});
