import type { ControlOption, ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOption } from '../shared/create-test-target';
import {
  MAX_ENUM_PATHS,
  createTaxonomySchema,
  hasDistinctJoinedPaths,
  listTaxonomyNodes,
  readMaxUsages,
  selectableNodes,
} from './create-taxonomy-schema';

const media = [
  createTestOption('Online', {
    children: [
      createTestOption('UGC'),
      createTestOption('Paywall', {
        children: [createTestOption('NY Times', { alias: 'NYT', hint: 'The New York Times' }), createTestOption('WSJ')],
      }),
    ],
  }),
  createTestOption('Offline'),
];

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({ type: 'Taxonomy', name: 'media', options: media, ...details });
}

describe('listTaxonomyNodes', () => {
  test('lists every node depth first with stored and shown paths', () => {
    expect(listTaxonomyNodes(createControl())).toEqual([
      { path: ['Online'], labels: ['Online'], isLeaf: false },
      { path: ['Online', 'UGC'], labels: ['Online', 'UGC'], isLeaf: true },
      { path: ['Online', 'Paywall'], labels: ['Online', 'Paywall'], isLeaf: false },
      { path: ['Online', 'Paywall', 'NYT'], labels: ['Online', 'Paywall', 'NY Times'], isLeaf: true, hint: 'The New York Times' },
      { path: ['Online', 'Paywall', 'WSJ'], labels: ['Online', 'Paywall', 'WSJ'], isLeaf: true },
      { path: ['Offline'], labels: ['Offline'], isLeaf: true },
    ]);
  });

  test('keeps the first of siblings with the same value, as Label Studio does', () => {
    const options = [createTestOption('A', { children: [createTestOption('X')] }), createTestOption('A', { children: [createTestOption('Y')] }), createTestOption('B')];
    expect(listTaxonomyNodes(createControl({ options })).map((node) => node.path)).toEqual([['A'], ['A', 'X'], ['B']]);
  });

  test('a parent whose children are all duplicates of one is still a parent', () => {
    const options = [createTestOption('A', { children: [createTestOption('X'), createTestOption('X')] })];
    expect(listTaxonomyNodes(createControl({ options })).map((node) => [node.path, node.isLeaf])).toEqual([
      [['A'], false],
      [['A', 'X'], true],
    ]);
  });
});

describe('selectableNodes', () => {
  test.each<[string, Record<string, string>, string[][]]>([
    ['every node', {}, [['Online'], ['Online', 'UGC'], ['Online', 'Paywall'], ['Online', 'Paywall', 'NYT'], ['Online', 'Paywall', 'WSJ'], ['Offline']]],
    ['leaves only', { leafsOnly: 'true' }, [['Online', 'UGC'], ['Online', 'Paywall', 'NYT'], ['Online', 'Paywall', 'WSJ'], ['Offline']]],
    ['leafsOnly not exactly "true"', { leafsOnly: 'yes' }, [['Online'], ['Online', 'UGC'], ['Online', 'Paywall'], ['Online', 'Paywall', 'NYT'], ['Online', 'Paywall', 'WSJ'], ['Offline']]],
  ])('%s', (_case, attributes, paths) => {
    expect(selectableNodes(createControl({ attributes })).map((node) => node.path)).toEqual(paths);
  });
});

describe('createTaxonomySchema', () => {
  test.each<[string, Partial<ControlTag>, Record<string, unknown>]>([
    [
      'optional: a list of joined paths',
      {},
      {
        type: 'array',
        items: { type: 'string', enum: ['Online', 'Online / UGC', 'Online / Paywall', 'Online / Paywall / NYT', 'Online / Paywall / WSJ', 'Offline'] },
        description: 'Every taxonomy path that applies for "media", each written exactly as listed; an empty list when none applies.',
      },
    ],
    [
      'required, leaves only, maxUsages 2',
      { required: true, attributes: { leafsOnly: 'true', maxUsages: '2' } },
      {
        type: 'array',
        items: { type: 'string', enum: ['Online / UGC', 'Online / Paywall / NYT', 'Online / Paywall / WSJ', 'Offline'] },
        description: 'Every taxonomy path that applies for "media" (at most 2), each written exactly as listed, at least one.',
      },
    ],
  ])('%s', (_case, details, schema) => {
    expect(createTaxonomySchema(createControl(details))).toEqual(schema);
  });

  test('drops the enum for taxonomies too large to list in a schema', () => {
    const options = Array.from({ length: MAX_ENUM_PATHS + 1 }, (_unused, index) => createTestOption(`Topic ${index}`));
    expect(createTaxonomySchema(createControl({ options })).items).toEqual({ type: 'string' });
  });
});

describe('readMaxUsages', () => {
  test.each<[Record<string, string>, number | undefined | null]>([
    [{}, undefined],
    [{ maxUsages: '1' }, 1],
    [{ maxusages: ' 3 ' }, 3],
    [{ maxUsages: '' }, undefined],
    [{ maxUsages: '0' }, null],
    [{ maxUsages: '-1' }, null],
    [{ maxUsages: '2.5' }, null],
    [{ maxUsages: 'two' }, null],
  ])('%j → %s', (attributes, maxUsages) => {
    expect(readMaxUsages(createControl({ attributes }))).toBe(maxUsages);
  });
});

describe('hasDistinctJoinedPaths', () => {
  test.each<[string, ControlOption[], boolean]>([
    ['the example taxonomy', media, true],
    ['a label holding the separator, no clash', [createTestOption('A / B')], true],
    ['a label that reads like a nested path', [createTestOption('A / B'), createTestOption('A', { children: [createTestOption('B')] })], false],
  ])('%s → %s', (_case, options, distinct) => {
    expect(hasDistinctJoinedPaths(createControl({ options }))).toBe(distinct);
  });
});
