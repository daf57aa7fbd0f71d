import { MAX_REASON_LENGTH, normalizeReason } from './normalize-reason';

describe('normalizeReason', () => {
  it.each([
    ['"Maybe" is not a label of "sentiment"', '<value> is not a label of <value>'],
    ['"Perhaps" is not a label of "mood"', '<value> is not a label of <value>'],
    ["to_name 'body' is not an object of this control", 'to_name <value> is not an object of this control'],
    ['a single-choice control takes exactly one label, got 3', 'a single-choice control takes exactly one label, got <n>'],
    ['2024-13-01 is before min 2020-01-01T00:00', '<n> is before min <n>'],
    ['none of "a", "b", "c" is a label (labels: Positive, Negative)', 'none of <value> is a label'],
    ['task choices.v1 could not validate the result: TypeError: x is undefined at line 12', 'task choices.v<n> could not validate the result'],
    ["carries the annotator's instruction", "carries the annotator's instruction"],
    ['PROVIDER_CALL_FAILED', 'PROVIDER_CALL_FAILED'],
    ['truncated', 'truncated'],
    ['  value   is not an object ', 'value is not an object'],
    ['', 'unknown'],
    ['"only a secret"', '<value>'],
  ])('%j → %j', (reason, expected) => {
    expect(normalizeReason(reason)).toBe(expected);
  });

  it(`caps a reason at ${MAX_REASON_LENGTH} characters`, () => {
    const normalized = normalizeReason('word '.repeat(100));
    expect(normalized).toHaveLength(MAX_REASON_LENGTH);
    expect(normalized.endsWith('…')).toBe(true);
  });

  it('keeps neither quoted text nor numbers of the original', () => {
    const normalized = normalizeReason('value.datetime "sk-secret-123" is not written as YYYY-MM-DD, got 4711');
    expect(normalized).not.toMatch(/sk-secret|4711|123/);
  });
});
