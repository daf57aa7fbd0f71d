import type { PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { mapChoicesResult } from './map-choices-result';

function createTarget(objectNames: string[]): PredictionTarget {
  const objects = objectNames.map((name) => createTestObject({ name }));
  return createTestTarget({ type: 'Choices', name: 'sentiment', toName: objectNames, choice: 'multiple' }, objects);
}

describe('mapChoicesResult', () => {
  test.each<[string, string[], unknown, string, unknown[]]>([
    ['one label', ['text'], ['Positive'], 'text', ['Positive']],
    ['several labels', ['text'], ['Sports', 'Science'], 'text', ['Sports', 'Science']],
    ['the first of several objects', ['title', 'body'], ['Sports'], 'title', ['Sports']],
    ['a bare string is wrapped', ['text'], 'Positive', 'text', ['Positive']],
    ['garbage is passed on for validation to reject', ['text'], 42, 'text', [42]],
  ])('%s', (_case, objectNames, value, toName, choices) => {
    expect(mapChoicesResult(value, createTarget(objectNames))).toEqual([
      { from_name: 'sentiment', to_name: toName, type: 'choices', value: { choices } },
    ]);
  });

  test('copies the labels rather than sharing the parsed list', () => {
    const labels = ['Positive'];
    const [draft] = mapChoicesResult(labels, createTarget(['text']));
    expect(draft?.value.choices).not.toBe(labels);
  });
});
