import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOption, createTestOptions } from '../shared/create-test-target';
import { normalizeLabel, parseChoicesAnswer } from './parse-choices-answer';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  const options = createTestOptions(['Positive', 'Negative', 'Neutral']);
  return createTestControl({ type: 'Choices', name: 'sentiment', options, ...details });
}

const single = createControl();
const multiple = createControl({
  name: 'topics',
  choice: 'multiple',
  options: createTestOptions(['Sports', 'Politics', 'Science', 'non-toxic', 'Yes, definitely']),
});
const aliased = createControl({
  options: [
    createTestOption('Positive sentiment', { alias: 'POS', hint: 'The author likes it' }),
    createTestOption('Negative sentiment', { alias: 'NEG' }),
  ],
});
const clashing = createControl({ options: [createTestOption('C'), createTestOption('C#')] });

describe('parseChoicesAnswer', () => {
  describe('answers that name labels', () => {
    test.each<[string, ControlTag, unknown, string[]]>([
      ['exact label', single, 'Positive', ['Positive']],
      ['lower case', single, 'positive', ['Positive']],
      ['upper case', single, 'NEGATIVE', ['Negative']],
      ['surrounding whitespace', single, '  Neutral \t', ['Neutral']],
      ['trailing newline (seed prompt)', single, 'Positive\n', ['Positive']],
      ['double quotes', single, '"Positive"', ['Positive']],
      ['single quotes and full stop', single, "'Negative'.", ['Negative']],
      ['typographic quotes', single, '“Neutral”', ['Neutral']],
      ['markdown bold', single, '**Positive**', ['Positive']],
      ['backticks', single, '`Positive`', ['Positive']],
      ['full-width letters (NFKC)', single, 'Ｐｏｓｉｔｉｖｅ', ['Positive']],
      ['zero-width space', single, 'Posi\u200Btive', ['Positive']],
      ['category prefix', single, 'Category: Negative', ['Negative']],
      ['bulleted prefix', single, '- Sentiment: Neutral', ['Neutral']],
      ['numbered bullet', single, '1. Positive', ['Positive']],
      ['label in a one-element list', single, ['Negative'], ['Negative']],
      ['same label twice', single, ['Positive', 'positive'], ['Positive']],
      ['a match among unmatched pieces', single, 'Answer:\nPositive\nThat is my answer', ['Positive']],
      ['alias', aliased, 'POS', ['POS']],
      ['alias, other case', aliased, 'pos', ['POS']],
      ['value of an aliased option', aliased, 'Positive sentiment', ['POS']],
      ['value of an aliased option, other case', aliased, 'negative SENTIMENT', ['NEG']],
      ['punctuation differences', multiple, 'Non Toxic', ['non-toxic']],
      ['punctuation differences, underscore', multiple, 'NON_TOXIC', ['non-toxic']],
      ['label holding a comma', multiple, 'Yes, definitely', ['Yes, definitely']],
      ['multiple: list in config order', multiple, ['Science', 'Sports'], ['Sports', 'Science']],
      ['multiple: duplicates removed', multiple, ['Sports', 'sports', 'SPORTS'], ['Sports']],
      ['multiple: numbered lines (seed prompt)', multiple, '1. Science\n2. Politics', ['Politics', 'Science']],
      ['multiple: bulleted lines', multiple, '- Sports\n* Politics\n', ['Sports', 'Politics']],
      ['multiple: parenthesised numbers', multiple, '1) Sports\n2) Science', ['Sports', 'Science']],
      ['multiple: commas and semicolons', multiple, 'Sports, Politics; Science', ['Sports', 'Politics', 'Science']],
      ['multiple: prefixed line', multiple, 'Categories: Sports, Science', ['Sports', 'Science']],
      ['multiple: unmatched pieces ignored', multiple, 'Sports, Cooking, Science', ['Sports', 'Science']],
      ['multiple: non-strings in a list ignored', multiple, ['Sports', 42, null, { label: 'Science' }], ['Sports']],
      ['numeric label from a number', createControl({ options: createTestOptions(['1', '2', '3']) }), 2, ['2']],
      ['exact label of a clashing pair', clashing, 'C#', ['C#']],
      ['exact other label of a clashing pair', clashing, 'C', ['C']],
    ])('%s', (_case, control, raw, labels) => {
      expect(parseChoicesAnswer(raw, control)).toEqual({ status: 'answered', value: labels });
    });
  });

  describe('answers that abstain', () => {
    test.each<[string, ControlTag, unknown, RegExp]>([
      ['null', single, null, /^no answer$/],
      ['undefined', single, undefined, /^no answer$/],
      ['empty string', single, '', /^no answer$/],
      ['blank string', single, ' \n\t', /^no answer$/],
      ['empty list', multiple, [], /^no answer$/],
      ['list of blank strings', multiple, ['', '  '], /^no answer$/],
      ['near miss: truncated', single, 'Positiv', /"Positiv" is not a label \(labels: Positive, Negative, Neutral\)/],
      ['near miss: extra word', single, 'Very positive', /"Very positive" is not a label/],
      ['near miss: abbreviation', single, 'pos', /"pos" is not a label/],
      ['near miss: negated', single, 'not Positive', /is not a label/],
      ['near miss: alias typo', aliased, 'POSS', /is not a label/],
      ['near miss in a list', multiple, ['Sport', 'Politic'], /none of "Sport", "Politic" is a label/],
      ['normalised clash is ambiguous', clashing, 'c#.', /is not a label/],
      ['number not a label', single, 42, /"42" is not a label/],
      ['huge number', single, 1e308, /is not a label/],
      ['boolean', single, true, /not a label or a list of labels \(got a boolean\)/],
      ['object', single, { label: 'Positive' }, /not a label or a list of labels \(got an object\)/],
      ['nested list', single, [['Positive']], /got a list without label text/],
      ['list of objects', multiple, [{ choice: 'Sports' }], /got a list without label text/],
      ['code', single, "function classify() { return 'Positive' + 1; }", /is not a label/],
      ['markup', single, "<script>alert('Positive')</script>", /is not a label/],
      ['SQL', single, 'SELECT label FROM labels', /is not a label/],
      ['the word null', single, 'null', /"null" is not a label/],
      ['single: two labels on lines', single, 'Positive\nNegative', /^several labels for a single-choice control: Positive, Negative$/],
      ['single: two labels in a list', single, ['Negative', 'Positive'], /^several labels for a single-choice control: Positive, Negative$/],
      ['single: two labels with commas', single, 'Positive, Neutral', /several labels/],
    ])('%s', (_case, control, raw, reason) => {
      const result = parseChoicesAnswer(raw, control);
      expect(result.status).toBe('abstained');
      expect(result.status === 'abstained' && result.reason).toMatch(reason);
    });
  });

  test('quotes long answers shortened in the reason', () => {
    const result = parseChoicesAnswer('x'.repeat(10_000), single);
    expect(result.status === 'abstained' && result.reason.length).toBeLessThan(200);
  });
});

describe('normalizeLabel', () => {
  test.each([
    ['  Non-Toxic ', 'non toxic'],
    ['NON TOXIC', 'non toxic'],
    ['«Straße»', 'strasse'],
    ['Ｎｅｕｔｒａｌ', 'neutral'],
    ['a\n\n b', 'a b'],
    ['👍', '👍'],
    ['?!', ''],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeLabel(text)).toBe(normalized);
  });
});
