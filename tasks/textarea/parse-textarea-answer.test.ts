import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { MAX_TEXT_LENGTH } from './create-textarea-schema';
import { countCharacters, parseTextAreaAnswer } from './parse-textarea-answer';

function createControl(attributes: Record<string, string> = {}, details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({ type: 'TextArea', name: 'summary', attributes, ...details });
}

const single = createControl();
const multiline = createControl({ rows: '4' });
const several = createControl({ maxSubmissions: '3' });
const uniqueTexts = createControl({ maxSubmissions: '3', skipDuplicates: 'true' });

describe('parseTextAreaAnswer', () => {
  describe('answers that hold text', () => {
    test.each<[string, ControlTag, unknown, string[]]>([
      ['a string', single, 'A short summary.', ['A short summary.']],
      ['surrounding whitespace trimmed', single, '  A short summary. \n', ['A short summary.']],
      ['line breaks joined for a one-line input', single, 'First line\r\n\n  second line', ['First line second line']],
      ['line breaks kept for rows > 1', multiline, 'First line\nsecond line', ['First line\nsecond line']],
      ['a number written as text', single, 42, ['42']],
      ['a one-element list', single, ['A summary'], ['A summary']],
      ['blank entries of a list dropped', single, ['', 'A summary', '  ', null], ['A summary']],
      ['several texts', several, ['One', 'Two', 'Three'], ['One', 'Two', 'Three']],
      ['exact duplicates removed', several, ['One', 'One ', 'one'], ['One', 'one']],
      ['duplicates ignoring case removed with skipDuplicates', uniqueTexts, ['One', 'ONE', 'Two'], ['One', 'Two']],
      ['one text for a control taking several', several, 'Only one', ['Only one']],
      ['braces and markup kept as written', single, '<b>{labels}</b>', ['<b>{labels}</b>']],
      ['the word null is text', single, 'null', ['null']],
      ['the longest allowed text', single, 'x'.repeat(MAX_TEXT_LENGTH), ['x'.repeat(MAX_TEXT_LENGTH)]],
      ['astral characters count once', single, '😀'.repeat(MAX_TEXT_LENGTH), ['😀'.repeat(MAX_TEXT_LENGTH)]],
    ])('%s', (_case, control, raw, texts) => {
      expect(parseTextAreaAnswer(raw, control)).toEqual({ status: 'answered', value: texts });
    });
  });

  describe('answers that abstain', () => {
    test.each<[string, ControlTag, unknown, RegExp]>([
      ['null', single, null, /^no answer$/],
      ['undefined', single, undefined, /^no answer$/],
      ['empty string', single, '', /^no answer$/],
      ['blank string', single, ' \n\t ', /^no answer$/],
      ['empty list', several, [], /^no answer$/],
      ['list of blanks', several, ['', ' '], /^no answer$/],
      ['boolean', single, true, /not text or a list of texts \(got a boolean\)/],
      ['object', single, { text: 'A summary' }, /got an object/],
      ['prototype-polluting object', single, JSON.parse('{"__proto__": {"text": "x"}}'), /got an object/],
      ['nested list', several, [['A summary']], /got a list holding something other than text/],
      ['list with an object', several, ['A summary', { text: 'B' }], /got a list holding something other than text/],
      ['NaN', single, Number.NaN, /got a number/],
      ['infinity', single, Number.POSITIVE_INFINITY, /got a number/],
      ['two texts for a one-text control', single, ['One', 'Two'], /several texts for a control that takes one: "One", "Two"/],
      ['more texts than maxSubmissions', several, ['1', '2', '3', '4'], /4 texts, more than the 3 that maxSubmissions allows/],
      ['an overlong text', single, 'x'.repeat(MAX_TEXT_LENGTH + 1), /10001 characters, more than the 10000 allowed/],
    ])('%s', (_case, control, raw, reason) => {
      const result = parseTextAreaAnswer(raw, control);
      expect(result.status).toBe('abstained');
      expect(result.status === 'abstained' && result.reason).toMatch(reason);
    });
  });

  test('quotes long texts shortened in the reason', () => {
    const result = parseTextAreaAnswer(['y'.repeat(5_000), 'z'.repeat(5_000)], single);
    expect(result.status === 'abstained' && result.reason.length).toBeLessThan(250);
  });
});

describe('countCharacters', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['😀', 1],
    ['e\u0301', 2],
  ])('%j → %s', (text, count) => {
    expect(countCharacters(text)).toBe(count);
  });
});
