import { isSyntaxError } from './is-syntax-error';

describe('isSyntaxError', () => {
  it.each<[unknown, boolean]>([
    [new SyntaxError('Unexpected end of JSON input'), true],
    [{ name: 'SyntaxError', message: 'from another realm' }, true],
    [new TypeError('not JSON'), false],
    ['SyntaxError', false],
    [null, false],
  ])('says %p is a SyntaxError: %p', (error, expected) => {
    expect(isSyntaxError(error)).toBe(expected);
  });
});
