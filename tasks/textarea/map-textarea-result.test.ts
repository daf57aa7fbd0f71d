import type { PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { mapTextAreaResult } from './map-textarea-result';

function createTarget(objectNames: string[]): PredictionTarget {
  const objects = objectNames.map((name) => createTestObject({ name }));
  return createTestTarget({ type: 'TextArea', name: 'summary', toName: objectNames }, objects);
}

describe('mapTextAreaResult', () => {
  test.each<[string, string[], unknown, string, unknown[]]>([
    ['one text', ['text'], ['A summary.'], 'text', ['A summary.']],
    ['several texts', ['text'], ['One', 'Two'], 'text', ['One', 'Two']],
    ['the first of several objects', ['title', 'body'], ['A summary.'], 'title', ['A summary.']],
    ['a bare string is wrapped', ['text'], 'A summary.', 'text', ['A summary.']],
    ['garbage is passed on for validation to reject', ['text'], { text: 1 }, 'text', [{ text: 1 }]],
  ])('%s', (_case, objectNames, value, toName, text) => {
    expect(mapTextAreaResult(value, createTarget(objectNames))).toEqual([
      { from_name: 'summary', to_name: toName, type: 'textarea', value: { text } },
    ]);
  });

  test('copies the texts rather than sharing the parsed list', () => {
    const texts = ['A summary.'];
    const [draft] = mapTextAreaResult(texts, createTarget(['text']));
    expect(draft?.value.text).not.toBe(texts);
  });
});
