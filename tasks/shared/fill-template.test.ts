import { fillTemplate } from './fill-template';

describe('fillTemplate', () => {
  test.each<[string, Record<string, string>, string]>([
    ['{a} and {b}', { a: '1', b: '2' }, '1 and 2'],
    ['{a}', { a: '{b}', b: 'x' }, '{b}'],
    ['{unknown} stays', {}, '{unknown} stays'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['{not a name} and { a }', { a: 'x' }, '{not a name} and { a }'],
    ['$& {a}', { a: '$1 $&' }, '$& $1 $&'],
  ])('%j with %j', (template, values, filled) => {
    expect(fillTemplate(template, values)).toBe(filled);
  });
});
