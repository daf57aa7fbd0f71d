import { nonEmpty } from './non-empty';

describe('nonEmpty', () => {
  it.each<[string | undefined, string | undefined]>([
    ['sk-key', 'sk-key'],
    [' padded ', ' padded '],
    ['', undefined],
    ['  \t\n', undefined],
    [undefined, undefined],
  ])('turns %j into %j', (value, expected) => {
    expect(nonEmpty(value)).toBe(expected);
  });
});
