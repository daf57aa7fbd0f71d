import { errorMessageOf } from './error-message-of';

describe('errorMessageOf', () => {
  it.each<[unknown, string]>([
    [new Error('boom'), 'boom'],
    [{ message: 'plain object' }, 'plain object'],
    [{ message: 42 }, '[object Object]'],
    ['a string', 'a string'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('reads %p as %j', (error, expected) => {
    expect(errorMessageOf(error)).toBe(expected);
  });
});
