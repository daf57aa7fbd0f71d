import type { PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { mapPairwiseResult } from './map-pairwise-result';

function createTarget(toName: string[], objectNames: string[]): PredictionTarget {
  const objects = objectNames.map((name) => createTestObject({ name }));
  return createTestTarget({ type: 'Pairwise', name: 'pw', toName }, objects);
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
