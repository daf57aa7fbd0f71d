import { createTestControl } from './create-test-target';
import { readControlAttribute } from './read-control-attribute';

describe('readControlAttribute', () => {
  test.each<[Record<string, string>, string, string | undefined]>([
    [{ placeholder: 'Summary' }, 'placeholder', 'Summary'],
    [{ PlaceHolder: 'Summary' }, 'placeholder', 'Summary'],
    [{ maxRating: ' 10 ' }, 'maxRating', ' 10 '],
    [{ hint: ' ' }, 'hint', undefined],
    [{ hint: '' }, 'hint', undefined],
    [{}, 'hint', undefined],
    [{}, '__proto__', undefined],
  ])('%j, %j → %j', (attributes, name, value) => {
    expect(readControlAttribute(createTestControl({ type: 'TextArea', name: 'summary', attributes }), name)).toBe(value);
  });
});
