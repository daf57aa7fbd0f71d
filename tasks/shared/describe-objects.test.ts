import type { ObjectTag } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from './create-test-target';
import { describeObjects } from './describe-objects';

describe('describeObjects', () => {
  test.each<[string, ObjectTag[], string]>([
    ['one object', [createTestObject()], '<text>'],
    ['the data field, not the name', [createTestObject({ name: 'review', dataField: 'body' })], '<body>'],
    ['the name without a data field', [createTestObject({ name: 'intro', dataField: null })], '<intro>'],
    ['several objects', [createTestObject({ name: 'a' }), createTestObject({ name: 'b' })], '<a> and <b>'],
    ['no object', [], ''],
  ])('%s', (_case, objects, described) => {
    expect(describeObjects(createTestTarget({ type: 'Choices', name: 'sentiment' }, objects))).toBe(described);
  });
});
