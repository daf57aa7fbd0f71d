import { createTestControl, createTestOptions } from '../shared/create-test-target';
import { isParagraphAnswer, parseParagraphLabelsAnswer } from './parse-paragraph-labels-answer';

const control = createTestControl({
  type: 'ParagraphLabels',
  name: 'topics',
  toName: ['dialogue'],
  options: createTestOptions(['Greeting', 'Complaint']),
});

describe('parseParagraphLabelsAnswer', () => {
  test.each<[string, unknown, number | null]>([
    ['an index', 2, 2],
    ['zero', 0, 0],
    ['an index as text', ' 3 ', 3],
    ['a negative index', -1, null],
    ['a fraction', 1.5, null],
    ['a word', 'first', null],
    ['no index', undefined, null],
    ['null', null, null],
    ['a huge number', 1e300, null],
  ])('reads %s as the paragraph hint', (_case, paragraph, hint) => {
    const result = parseParagraphLabelsAnswer([{ label: 'greeting', paragraph, text: 'Hi', context: 'Hi there' }], control);
    expect(result).toEqual({
      status: 'answered',
      value: { mentions: [{ label: 'Greeting', text: 'Hi', context: 'Hi there', offset: 0, paragraph: hint }], rejected: [] },
    });
  });

  test('garbage items are rejected, usable ones kept', () => {
    const result = parseParagraphLabelsAnswer([{ label: 'Greeting', paragraph: 0, text: 'Hi' }, 'Hi', { label: 'Nope', text: 'x' }], control);
    expect(result.status === 'answered' && result.value).toEqual({
      mentions: [{ label: 'Greeting', text: 'Hi', context: 'Hi', offset: 0, paragraph: 0 }],
      rejected: ['answer item 2 is a string, not a mention', 'answer item 3 "Nope" is not a label (labels: Greeting, Complaint)'],
    });
  });

  test.each<[string, unknown, RegExp]>([
    ['an empty list', [], /^no mentions$/],
    ['a number', 7, /not a list of mentions/],
    ['only garbage', [1, 2], /^no usable mention/],
  ])('abstains on %s', (_case, raw, reason) => {
    const result = parseParagraphLabelsAnswer(raw, control);
    expect(result.status === 'abstained' && result.reason).toMatch(reason);
  });
});

describe('isParagraphAnswer', () => {
  const base = { label: 'Greeting', text: 'Hi', context: 'Hi', offset: 0 };
  test.each<[unknown, boolean]>([
    [{ mentions: [{ ...base, paragraph: 1 }], rejected: [] }, true],
    [{ mentions: [{ ...base, paragraph: null }], rejected: [] }, true],
    [{ mentions: [base], rejected: [] }, false],
    [{ mentions: [{ ...base, paragraph: '1' }], rejected: [] }, false],
    [[], false],
  ])('%j → %s', (value, expected) => {
    expect(isParagraphAnswer(value)).toBe(expected);
  });
});
