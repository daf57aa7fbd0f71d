import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { mapNumberResult } from './map-number-result';

function createObject(name: string): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {} };
}

function createTarget(objectNames: string[]): PredictionTarget {
  const control: ControlTag = {
    type: 'Number',
    name: 'price',
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
