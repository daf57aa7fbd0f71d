import { readAttribute } from './read-attribute';

describe('readAttribute', () => {
  test.each<[Record<string, string>, string, string | undefined]>([
    [{ allowOverlap: 'true' }, 'allowOverlap', 'true'],
    [{ allowoverlap: 'true' }, 'allowOverlap', 'true'],
    [{ ALLOWOVERLAP: 'true' }, 'allowOverlap', 'true'],
    [{ textKey: '' }, 'textKey', ''],
    [{ encoding: ' ' }, 'encoding', ' '],
    [{}, 'valueType', undefined],
    [{ valueType: 'url' }, 'value', undefined],
    [{}, '__proto__', undefined],
  ])('%j, %j → %j', (attributes, name, value) => {
    expect(readAttribute(attributes, name)).toBe(value);
  });
});
