import type { ObjectTag } from '../../core/spec/label-config';
import { createResultDraft } from './create-result-draft';
import { createTestObject, createTestTarget } from './create-test-target';

describe('createResultDraft', () => {
  test.each<[string, string[], ObjectTag[], string]>([
    ['the only object', ['text'], [createTestObject()], 'text'],
    ['the first of several objects', ['title', 'body'], [createTestObject({ name: 'title' }), createTestObject({ name: 'body' })], 'title'],
    ['objects in config order, not toName order', ['body', 'title'], [createTestObject({ name: 'title' }), createTestObject({ name: 'body' })], 'title'],
    ['toName without objects', ['text'], [], 'text'],
    ['neither', [], [], ''],
  ])('%s', (_case, toName, objects, to_name) => {
    const target = createTestTarget({ type: 'Rating', name: 'stars', toName }, objects);
    expect(createResultDraft(target, 'rating', { rating: 4 })).toEqual({ from_name: 'stars', to_name, type: 'rating', value: { rating: 4 } });
  });
});
