import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { mapRatingResult } from './map-rating-result';

function createObject(name: string): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {} };
}

function createTarget(objectNames: string[]): PredictionTarget {
  const control: ControlTag = {
    type: 'Rating',
    name: 'stars',
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
