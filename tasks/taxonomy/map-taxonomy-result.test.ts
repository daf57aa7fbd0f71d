import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { mapTaxonomyResult } from './map-taxonomy-result';

function createObject(name: string): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {} };
}

function createTarget(objectNames: string[]): PredictionTarget {
  const control: ControlTag = {
    type: 'Taxonomy',
    name: 'media',
    toName: objectNames,
    choice: 'single',
    required: false,
    options: [],
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
  };
  return { control, objects: objectNames.map(createObject) };
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
