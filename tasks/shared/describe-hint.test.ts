import { createTestControl } from './create-test-target';
import { describeHint } from './describe-hint';

describe('describeHint', () => {
  test.each<[Record<string, string>, string]>([
    [{ hint: 'Be fair' }, '  Hint: Be fair\n'],
    [{ Hint: 'Be  fair,\nalways ' }, '  Hint: Be fair, always\n'],
    [{ hint: '  ' }, ''],
    [{}, ''],
  ])('%j → %j', (attributes, line) => {
    expect(describeHint(createTestControl({ type: 'Rating', name: 'stars', attributes }))).toBe(line);
  });
});
