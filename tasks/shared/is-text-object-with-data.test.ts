import type { ObjectTag } from '../../core/spec/label-config';
import { createTestObject } from './create-test-target';
import { isTextObjectWithData } from './is-text-object-with-data';

describe('isTextObjectWithData', () => {
  test.each<[string, ObjectTag, boolean]>([
    ['Text', createTestObject(), true],
    ['HyperText', createTestObject({ type: 'HyperText' }), true],
    ['Paragraphs', createTestObject({ type: 'Paragraphs' }), true],
    ['an Image', createTestObject({ type: 'Image' }), false],
    ['a lower-case text type', createTestObject({ type: 'text' }), false],
    ['a literal text without a data field', createTestObject({ value: 'Read this', dataField: null }), false],
  ])('%s: %s', (_case, object, expected) => {
    expect(isTextObjectWithData(object)).toBe(expected);
  });
});
