import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestOption, createTestTarget } from '../shared/create-test-target';
import { taxonomyTask } from './taxonomy-task';

function createTarget(control: Partial<ControlTag> = {}, objects?: ObjectTag[]): PredictionTarget {
  const options = [
    createTestOption('Online', {
      children: [createTestOption('UGC', { hint: 'User  generated\ncontent' }), createTestOption('NY Times', { alias: 'NYT' })],
    }),
    createTestOption('Offline'),
  ];
  return createTestTarget({ type: 'Taxonomy', name: 'media', options, ...control }, objects);
}

describe('taxonomyTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['Taxonomy on Text', createTarget(), true],
    ['Taxonomy on HyperText', createTarget({}, [createTestObject({ type: 'HyperText' })]), true],
    ['Taxonomy on Paragraphs', createTarget({}, [createTestObject({ type: 'Paragraphs' })]), true],
    ['leaves only, maxUsages 1', createTarget({ attributes: { leafsOnly: 'true', maxUsages: '1' } }), true],
    ['a flat taxonomy', createTarget({ options: [createTestOption('A'), createTestOption('B')] }), true],
    ['options from apiUrl', createTarget({ dynamicOptions: true, attributes: { apiUrl: 'https://example.com/t' } }), false],
    ['a labeling Taxonomy', createTarget({ attributes: { labeling: 'true' } }), false],
    ['no options', createTarget({ options: [] }), false],
    ['maxUsages 0', createTarget({ attributes: { maxUsages: '0' } }), false],
    [
      'paths that read alike once joined',
      createTarget({ options: [createTestOption('A / B'), createTestOption('A', { children: [createTestOption('B')] })] }),
      false,
    ],
    ['another control type', createTarget({ type: 'Choices' }), false],
    ['per-region Taxonomy', createTarget({ perRegion: true }), false],
    ['an Image object (for vision models)', createTarget({}, [createTestObject({ type: 'Image' })]), true],
    ['an Audio object', createTarget({}, [createTestObject({ type: 'Audio' })]), false],
    ['a literal text object', createTarget({}, [createTestObject({ value: 'Read this', dataField: null })]), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(taxonomyTask.supports(target)).toBe(supported);
  });
});

describe('taxonomyTask.instructions', () => {
  test('lists every path with hints and aliases', () => {
    expect(taxonomyTask.instructions(createTarget())).toBe(
      [
        '"media" for <text>: choose every path that applies (a list, each path once) from this taxonomy.',
        '  Paths, levels joined by " / ":',
        '  - Online',
        '  - Online / UGC: User generated content',
        '  - Online / NYT (shown as Online / NY Times)',
        '  - Offline',
        '  Write each path exactly as listed, from the root down; never reword, translate or invent a path. If no path applies, answer an empty list.',
      ].join('\n'),
    );
  });

  test.each<[string, Partial<ControlTag>, string[], string[]]>([
    ['leaves only', { attributes: { leafsOnly: 'true' } }, ['only the listed leaves)', '  - Online / UGC'], ['  - Online\n']],
    ['one path', { attributes: { maxUsages: '1' } }, ['choose one path, the most specific that fits from'], []],
    ['at most two, required', { required: true, attributes: { maxUsages: '2' } }, ['each path once, at most 2)', 'Give at least one path.'], []],
  ])('%s', (_case, control, phrases, absent) => {
    const instructions = taxonomyTask.instructions(createTarget(control));
    for (const phrase of phrases) expect(instructions).toContain(phrase);
    for (const phrase of absent) expect(instructions).not.toContain(phrase);
    expect(instructions).not.toMatch(/\{\w+\}/);
  });
});

describe('taxonomyTask wiring', () => {
  test('parses, maps and validates a round trip', () => {
    const target = createTarget();
    const parsed = taxonomyTask.parse(['Online / NY Times', 'Offline'], target);
    expect(parsed).toEqual({ status: 'answered', value: [['Online', 'NYT'], ['Offline']] });
    const drafts = taxonomyTask.map(parsed.status === 'answered' ? parsed.value : null, target, {});
    expect(drafts).toEqual([
      { from_name: 'media', to_name: 'text', type: 'taxonomy', value: { taxonomy: [['Online', 'NYT'], ['Offline']] } },
    ]);
    expect(drafts.map((draft) => taxonomyTask.validate(draft, target, {}))).toEqual([null]);
  });

  test('describes the answer schema of the control', () => {
    expect(taxonomyTask.schema(createTarget())).toMatchObject({
      type: 'array',
      items: { type: 'string', enum: ['Online', 'Online / UGC', 'Online / NYT', 'Offline'] },
    });
  });

  test('is named taxonomy.v1 and fills Taxonomy', () => {
    expect(taxonomyTask.name).toBe('taxonomy.v1');
    expect(taxonomyTask.controlType).toBe('Taxonomy');
  });
});
