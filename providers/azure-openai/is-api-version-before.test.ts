import { isApiVersionBefore } from './is-api-version-before';

describe('isApiVersionBefore', () => {
  it.each<[string, string, boolean]>([
    ['2024-06-01', '2024-08-01', true],
    ['2024-07-01-preview', '2024-08-01', true],
    ['2024-08-01-preview', '2024-08-01', false],
    ['2024-10-21', '2024-09-01', false],
    [' 2023-05-15 ', '2023-12-01', true],
    ['preview', '2024-08-01', false],
    ['latest', '2024-08-01', false],
    ['2024-8-1', '2024-08-01', false],
  ])('%p before %s: %p', (apiVersion, date, expected) => {
    expect(isApiVersionBefore(apiVersion, date)).toBe(expected);
  });
});
