import type { PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { mapDateTimeResult } from './map-datetime-result';

function createTarget(objectNames: string[]): PredictionTarget {
  const objects = objectNames.map((name) => createTestObject({ name }));
  return createTestTarget({ type: 'DateTime', name: 'when', toName: objectNames }, objects);
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
