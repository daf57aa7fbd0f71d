import { describeKind, type KindWords } from './describe-kind';

describe('describeKind', () => {
  test.each<[unknown, KindWords | undefined, string]>([
    [null, undefined, 'null'],
    [undefined, undefined, 'undefined'],
    [undefined, { missing: 'nothing' }, 'nothing'],
    [[], undefined, 'a list'],
    [['x', 1], { list: 'a list without label text' }, 'a list without label text'],
    [{}, undefined, 'an object'],
    [42, undefined, 'a number'],
    ['text', undefined, 'a string'],
    [true, undefined, 'a boolean'],
    [null, { list: 'a list of nothing', missing: 'nothing' }, 'null'],
  ])('%j with %j → %j', (value, words, kind) => {
    expect(describeKind(value, words)).toBe(kind);
  });
});
