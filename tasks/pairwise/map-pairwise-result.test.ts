import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { mapPairwiseResult } from './map-pairwise-result';

function createObject(name: string): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {} };
}

function createTarget(toName: string[], objectNames: string[]): PredictionTarget {
  const control: ControlTag = {
    type: 'Pairwise',
    name: 'pw',
    toName,
    choice: 'single',
    required: false,
    options: [],
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
  };
  return { control, objects: objectNames.map(createObject) };
}

describe('mapPairwiseResult', () => {
  test.each<[string, PredictionTarget, unknown, string]>([
    ['left', createTarget(['a', 'b'], ['a', 'b']), 'left', 'a'],
    ['right keeps the left object as to_name', createTarget(['a', 'b'], ['a', 'b']), 'right', 'a'],
    ['to_name follows toName, not config order', createTarget(['b', 'a'], ['a', 'b']), 'left', 'b'],
    ['garbage is passed on for validation to reject', createTarget(['a', 'b'], ['a', 'b']), 'none', 'a'],
  ])('%s', (_case, target, selected, toName) => {
    expect(mapPairwiseResult(selected, target)).toEqual([
      { from_name: 'pw', to_name: toName, type: 'pairwise', value: { selected } },
    ]);
  });
});
