import type { PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { mapNumberResult } from './map-number-result';

function createTarget(objectNames: string[]): PredictionTarget {
  const objects = objectNames.map((name) => createTestObject({ name }));
  return createTestTarget({ type: 'Number', name: 'price', toName: objectNames }, objects);
}

describe('mapNumberResult', () => {
  test.each<[string, string[], unknown, string]>([
    ['a number', ['text'], 12.5, 'text'],
    ['the first of several objects', ['title', 'body'], 3, 'title'],
    ['garbage is passed on for validation to reject', ['text'], '12', 'text'],
  ])('%s', (_case, objectNames, number, toName) => {
    expect(mapNumberResult(number, createTarget(objectNames))).toEqual([
      { from_name: 'price', to_name: toName, type: 'number', value: { number } },
    ]);
  });
});
