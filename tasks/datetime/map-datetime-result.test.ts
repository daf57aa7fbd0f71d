import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { mapDateTimeResult } from './map-datetime-result';

function createObject(name: string): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {} };
}

function createTarget(objectNames: string[]): PredictionTarget {
  const control: ControlTag = {
    type: 'DateTime',
    name: 'when',
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

describe('mapDateTimeResult', () => {
  test.each<[string, string[], unknown, string]>([
    ['a date and time', ['text'], '2024-01-15T10:30', 'text'],
    ['the first of several objects', ['title', 'body'], '10:30', 'title'],
    ['garbage is passed on for validation to reject', ['text'], 20240115, 'text'],
  ])('%s', (_case, objectNames, datetime, toName) => {
    expect(mapDateTimeResult(datetime, createTarget(objectNames))).toEqual([
      { from_name: 'when', to_name: toName, type: 'datetime', value: { datetime } },
    ]);
  });
});
