import type { ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { normalizeSide, parsePairwiseAnswer } from './parse-pairwise-answer';

function createObject(name: string, dataField: string): ObjectTag {
  return createTestObject({ name, value: `$${dataField}`, dataField });
}

function createTarget(toName: string[], objects: ObjectTag[]): PredictionTarget {
  return createTestTarget({ type: 'Pairwise', name: 'pw', toName }, objects);
}

const summaries = createTarget(['txt-1', 'txt-2'], [createObject('txt-1', 'summary_a'), createObject('txt-2', 'summary_b')]);
const confusing = createTarget(['right', 'left'], [createObject('right', 'first'), createObject('left', 'first')]);

describe('parsePairwiseAnswer', () => {
  describe('answers that pick a side', () => {
    test.each<[string, PredictionTarget, unknown, string]>([
      ['left', summaries, 'left', 'left'],
      ['right', summaries, 'right', 'right'],
      ['upper case', summaries, 'LEFT', 'left'],
      ['quotes and a full stop', summaries, '"Right".', 'right'],
      ['markdown bold', summaries, '**left**', 'left'],
      ['"the left one"', summaries, 'The left one', 'left'],
      ['"right side"', summaries, 'Right side', 'right'],
      ['the left object name', summaries, 'txt-1', 'left'],
      ['the right data field', summaries, 'summary_b', 'right'],
      ['the data field in another case', summaries, 'SUMMARY_A', 'left'],
      ['side words win over object names', confusing, 'left', 'left'],
      ['an object named like the other side', confusing, 'right', 'right'],
    ])('%s', (_case, target, raw, side) => {
      expect(parsePairwiseAnswer(raw, target)).toEqual({ status: 'answered', value: side });
    });
  });

  describe('answers that abstain', () => {
    test.each<[string, PredictionTarget, unknown, RegExp]>([
      ['null', summaries, null, /^no answer$/],
      ['undefined', summaries, undefined, /^no answer$/],
      ['empty string', summaries, '', /^no answer$/],
      ['punctuation only', summaries, '?!', /^no answer$/],
      ['a tie', summaries, 'tie', /"tie" prefers neither side/],
      ['both', summaries, 'Both', /prefers neither side/],
      ['neither', summaries, 'neither.', /prefers neither side/],
      ['none, as Label Studio writes no selection', summaries, 'none', /prefers neither side/],
      ['a side word inside a sentence', summaries, 'I think the left one is better', /is not "left" or "right"/],
      ['both sides', summaries, 'left and right', /is not "left" or "right"/],
      ['a near miss', summaries, 'lefft', /"lefft" is not "left" or "right"/],
      ['another language', summaries, 'links', /is not "left" or "right"/],
      ['a letter', summaries, 'A', /is not "left" or "right"/],
      ['a data field both objects share', confusing, 'first', /"first" is not "left" or "right"/],
      ['a number', summaries, 1, /not "left" or "right" \(got a number\)/],
      ['a boolean', summaries, true, /got a boolean/],
      ['a list', summaries, ['left'], /got a list/],
      ['an object', summaries, { selected: 'left' }, /got an object/],
      ['a prototype key object', summaries, JSON.parse('{"__proto__": "left"}'), /got an object/],
      ['the prototype key', summaries, '__proto__', /is not "left" or "right"/],
    ])('%s', (_case, target, raw, reason) => {
      const result = parsePairwiseAnswer(raw, target);
      expect(result.status).toBe('abstained');
      expect(result.status === 'abstained' && result.reason).toMatch(reason);
    });
  });

  test('quotes long answers shortened in the reason', () => {
    const result = parsePairwiseAnswer('left '.repeat(2_000), summaries);
    expect(result.status === 'abstained' && result.reason.length).toBeLessThan(200);
  });
});

describe('normalizeSide', () => {
  test.each([
    ['  "Left!" ', 'left'],
    ['ＲＩＧＨＴ', 'right'],
    ['summary_a', 'summary a'],
    ['le\u200Bft', 'left'],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeSide(text)).toBe(normalized);
  });
});
