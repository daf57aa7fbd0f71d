import type { PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { mapRatingResult } from './map-rating-result';

function createTarget(objectNames: string[]): PredictionTarget {
  const objects = objectNames.map((name) => createTestObject({ name }));
  return createTestTarget({ type: 'Rating', name: 'stars', toName: objectNames }, objects);
}

describe('mapRatingResult', () => {
  test.each<[string, string[], unknown, string]>([
    ['a rating', ['text'], 4, 'text'],
    ['the first of several objects', ['title', 'body'], 2, 'title'],
    ['garbage is passed on for validation to reject', ['text'], 'four', 'text'],
  ])('%s', (_case, objectNames, rating, toName) => {
    expect(mapRatingResult(rating, createTarget(objectNames))).toEqual([
      { from_name: 'stars', to_name: toName, type: 'rating', value: { rating } },
    ]);
  });
});
