import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOption } from '../shared/create-test-target';
import { isSpanAnswer, parseLabelsAnswer, type SpanAnswer } from './parse-labels-answer';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({
    type: 'Labels',
    name: 'ner',
    options: [createTestOption('Person', { alias: 'PER' }), createTestOption('Location'), createTestOption('Non-Profit')],
    ...details,
  });
}

const control = createControl();

function answered(mentions: Array<[string, string, string]>, rejected: RegExp[] = []): (value: unknown) => void {
  return (value) => {
    const answer = value as SpanAnswer;
    expect(answer.mentions).toEqual(mentions.map(([label, text, context]) => ({ label, text, context, offset: 0 })));
    expect(answer.rejected).toHaveLength(rejected.length);
    rejected.forEach((reason, index) => expect(answer.rejected[index]).toMatch(reason));
  };
}

describe('parseLabelsAnswer', () => {
  test.each<[string, unknown, ReturnType<typeof answered>]>([
    [
      'a list of mentions',
      [{ label: 'PER', text: 'Obama', context: 'President Obama said' }],
      answered([['PER', 'Obama', 'President Obama said']]),
    ],
    ['the value of an aliased label', [{ label: 'Person', text: 'Obama', context: 'Obama' }], answered([['PER', 'Obama', 'Obama']])],
    ['a label in another case', [{ label: 'location', text: 'Paris', context: 'in Paris' }], answered([['Location', 'Paris', 'in Paris']])],
    ['a label with other punctuation', [{ label: 'non profit', text: 'WWF', context: 'WWF' }], answered([['Non-Profit', 'WWF', 'WWF']])],
    ['the quote is trimmed, the context kept', [{ label: 'PER', text: ' Obama\n', context: ' Obama said ' }], answered([['PER', 'Obama', ' Obama said ']])],
    ['a missing context becomes the quote', [{ label: 'PER', text: 'Obama' }], answered([['PER', 'Obama', 'Obama']])],
    ['a blank context becomes the quote', [{ label: 'PER', text: 'Obama', context: '  ' }], answered([['PER', 'Obama', 'Obama']])],
    ['a context that is not text becomes the quote', [{ label: 'PER', text: 'Obama', context: 7 }], answered([['PER', 'Obama', 'Obama']])],
    ['extra keys are ignored', [{ label: 'PER', text: 'Obama', context: 'Obama', start: 3, end: 99 }], answered([['PER', 'Obama', 'Obama']])],
    [
      'duplicates are kept for the locator',
      [
        { label: 'PER', text: 'Obama', context: 'Obama' },
        { label: 'PER', text: 'Obama', context: 'Obama' },
      ],
      answered([
        ['PER', 'Obama', 'Obama'],
        ['PER', 'Obama', 'Obama'],
      ]),
    ],
    ['one mention object', { label: 'PER', text: 'Obama', context: 'Obama' }, answered([['PER', 'Obama', 'Obama']])],
    ['an object wrapping the list', { entities: [{ label: 'PER', text: 'Obama', context: 'Obama' }] }, answered([['PER', 'Obama', 'Obama']])],
    ['the list as JSON text', '[{"label":"PER","text":"Obama","context":"Obama"}]', answered([['PER', 'Obama', 'Obama']])],
    ['the list in a code fence', '```json\n[{"label":"PER","text":"Obama","context":"Obama"}]\n```', answered([['PER', 'Obama', 'Obama']])],
    [
      'garbage items are rejected with their reasons, the rest kept',
      [
        'Obama',
        null,
        42,
        [],
        { label: 'Alien', text: 'ET', context: 'ET' },
        { label: 'PER', text: '', context: 'x' },
        { label: 'PER', text: 12, context: 'x' },
        { text: 'Obama' },
        { label: ['PER'], text: 'Obama' },
        { label: 'Location', text: 'Paris', context: 'Paris' },
      ],
      answered(
        [['Location', 'Paris', 'Paris']],
        [
          /^answer item 1 is a string, not a mention$/,
          /^answer item 2 is null, not a mention$/,
          /^answer item 3 is a number, not a mention$/,
          /^answer item 4 is a list, not a mention$/,
          /^answer item 5 "Alien" is not a label \(labels: PER, Location, Non-Profit\)$/,
          /^answer item 6 has no quoted text$/,
          /^answer item 7 has no quoted text$/,
          /^answer item 8 has no label \(got nothing\)$/,
          /^answer item 9 has no label \(got a list\)$/,
        ],
      ),
    ],
  ])('%s', (_case, raw, check) => {
    const result = parseLabelsAnswer(raw, control);
    expect(result.status).toBe('answered');
    if (result.status === 'answered') check(result.value);
  });

  test.each<[string, unknown, RegExp]>([
    ['null', null, /^no mentions$/],
    ['undefined', undefined, /^no mentions$/],
    ['an empty list', [], /^no mentions$/],
    ['an empty string', ' ', /^no mentions$/],
    ['JSON null', 'null', /^no mentions$/],
    ['an object wrapping an empty list', { mentions: [] }, /^no mentions$/],
    ['a number', 42, /^the answer is not a list of mentions \(got a number\)$/],
    ['a boolean', true, /not a list of mentions \(got a boolean\)/],
    ['prose', 'Obama is a person', /not a list of mentions \(got a string\)/],
    ['an object with two lists', { people: [], places: [] }, /not a list of mentions \(got an object\)/],
    ['an object without a list', { answer: 'none' }, /not a list of mentions/],
    ['JSON text holding JSON text', JSON.stringify(JSON.stringify([{ label: 'PER', text: 'Obama' }])), /not a list of mentions/],
    ['only unusable items', [{ label: 'Alien', text: 'ET' }, 'x'], /^no usable mention: answer item 1 "Alien" is not a label .*; answer item 2 is a string, not a mention$/],
    ['many unusable items', ['a', 'b', 'c', 'd'], /^no usable mention: (answer item \d is a string, not a mention; ){3}…$/],
  ])('abstains on %s', (_case, raw, reason) => {
    const result = parseLabelsAnswer(raw, control);
    expect(result.status).toBe('abstained');
    expect(result.status === 'abstained' && result.reason).toMatch(reason);
  });

  test('a clash after normalisation is not a label', () => {
    const clashing = createControl({ options: [createTestOption('C'), createTestOption('C#')] });
    const result = parseLabelsAnswer([{ label: 'c.', text: 'x', context: 'x' }], clashing);
    expect(result.status).toBe('abstained');
  });

  test('quotes long labels shortened', () => {
    const result = parseLabelsAnswer([{ label: 'x'.repeat(5000), text: 'y' }], control);
    expect(result.status === 'abstained' && result.reason.length).toBeLessThan(300);
  });
});

describe('isSpanAnswer', () => {
  test.each<[unknown, boolean]>([
    [{ mentions: [], rejected: [] }, true],
    [{ mentions: [{ label: 'A', text: 'b', context: 'b', offset: 0 }], rejected: ['x'] }, true],
    [{ mentions: [{ label: 'A', text: 'b', context: 'b' }], rejected: [] }, false],
    [{ mentions: [] }, false],
    [[], false],
    [null, false],
  ])('%j → %s', (value, expected) => {
    expect(isSpanAnswer(value)).toBe(expected);
  });
});
