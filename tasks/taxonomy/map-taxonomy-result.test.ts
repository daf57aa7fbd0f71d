import type { PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { mapTaxonomyResult } from './map-taxonomy-result';

function createTarget(objectNames: string[]): PredictionTarget {
  const objects = objectNames.map((name) => createTestObject({ name }));
  return createTestTarget({ type: 'Taxonomy', name: 'media', toName: objectNames }, objects);
}

describe('mapTaxonomyResult', () => {
  test.each<[string, string[], unknown, string, unknown[]]>([
    ['one path', ['text'], [['Online', 'UGC']], 'text', [['Online', 'UGC']]],
    ['several paths', ['text'], [['Online'], ['Offline']], 'text', [['Online'], ['Offline']]],
    ['the first of several objects', ['title', 'body'], [['Offline']], 'title', [['Offline']]],
    ['garbage is passed on for validation to reject', ['text'], 'Offline', 'text', ['Offline']],
  ])('%s', (_case, objectNames, value, toName, taxonomy) => {
    expect(mapTaxonomyResult(value, createTarget(objectNames))).toEqual([
      { from_name: 'media', to_name: toName, type: 'taxonomy', value: { taxonomy } },
    ]);
  });

  test('copies the paths rather than sharing the parsed lists', () => {
    const paths = [['Online', 'UGC']];
    const [draft] = mapTaxonomyResult(paths, createTarget(['text']));
    const taxonomy = draft?.value.taxonomy as string[][];
    expect(taxonomy).not.toBe(paths);
    expect(taxonomy[0]).not.toBe(paths[0]);
  });
});
