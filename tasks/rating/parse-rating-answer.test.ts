import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { parseRatingAnswer } from './parse-rating-answer';

function createControl(attributes: Record<string, string> = {}): ControlTag {
  return createTestControl({ type: 'Rating', name: 'stars', attributes });
}

const fiveStars = createControl();
const tenStars = createControl({ maxRating: '10' });

describe('parseRatingAnswer', () => {
  describe('answers that give a rating', () => {
    test.each<[string, ControlTag, unknown, number]>([
      ['an integer', fiveStars, 4, 4],
      ['the lowest rating', fiveStars, 1, 1],
      ['the highest rating', fiveStars, 5, 5],
      ['a whole float', fiveStars, 4.0, 4],
      ['a numeric string', fiveStars, '4', 4],
      ['a string with whitespace and quotes', fiveStars, ' "3" \n', 3],
      ['a string with a zero fraction', fiveStars, '2.0', 2],
      ['a fraction of the scale', fiveStars, '4/5', 4],
      ['a fraction with spaces', fiveStars, '4 / 5', 4],
      ['"out of" the scale', tenStars, '7 out of 10', 7],
      ['"of" the scale', fiveStars, '3 of 5', 3],
      ['stars', fiveStars, '4 stars', 4],
      ['one star', fiveStars, '1 star', 1],
      ['a label prefix', fiveStars, 'Rating: 4', 4],
      ['markdown bold and a full stop', fiveStars, '**5**.', 5],
      ['full-width digits', fiveStars, '４', 4],
      ['maxRating 10', tenStars, 10, 10],
    ])('%s', (_case, control, raw, rating) => {
      expect(parseRatingAnswer(raw, control)).toEqual({ status: 'answered', value: rating });
    });
  });

  describe('answers that abstain', () => {
    test.each<[string, ControlTag, unknown, RegExp]>([
      ['null', fiveStars, null, /^no answer$/],
      ['undefined', fiveStars, undefined, /^no answer$/],
      ['empty string', fiveStars, '', /^no answer$/],
      ['a half star', fiveStars, 4.5, /4.5 is not a whole number of stars \(ratings: 1 to 5\)/],
      ['a half star as text', fiveStars, '3.5', /3.5 is not a whole number/],
      ['zero', fiveStars, 0, /0 is outside the ratings 1 to 5/],
      ['above the scale', fiveStars, 7, /7 is outside the ratings 1 to 5/],
      ['negative', fiveStars, -1, /-1 is outside/],
      ['negative zero as text', fiveStars, '-0', /0 is outside/],
      ['a huge number', fiveStars, 1e308, /is outside the ratings/],
      ['a huge numeric string', fiveStars, '99999999999999999999', /is outside the ratings/],
      ['NaN', fiveStars, Number.NaN, /NaN is not a rating/],
      ['infinity', fiveStars, Number.POSITIVE_INFINITY, /Infinity is not a rating/],
      ['the string NaN', fiveStars, 'NaN', /"NaN" is not a rating/],
      ['the string Infinity', fiveStars, 'Infinity', /"Infinity" is not a rating/],
      ['hexadecimal', fiveStars, '0x4', /"0x4" is not a rating/],
      ['exponent notation', fiveStars, '4e0', /"4e0" is not a rating/],
      ['a word', fiveStars, 'four', /"four" is not a rating/],
      ['another scale', fiveStars, '8/10', /"8\/10" rates on a scale of 10, not 5/],
      ['a percentage', fiveStars, '80%', /is not a rating/],
      ['two ratings', fiveStars, '3, 4', /is not a rating/],
      ['a range', fiveStars, '3-4', /is not a rating/],
      ['boolean', fiveStars, true, /not a rating \(got a boolean\)/],
      ['a list', fiveStars, [4], /not a rating \(got a list\)/],
      ['an object', fiveStars, { rating: 4 }, /not a rating \(got an object\)/],
      ['a prototype key object', fiveStars, JSON.parse('{"__proto__": 4}'), /got an object/],
      ['an unusable maxRating', createControl({ maxRating: 'many' }), 3, /no usable maxRating/],
    ])('%s', (_case, control, raw, reason) => {
      const result = parseRatingAnswer(raw, control);
      expect(result.status).toBe('abstained');
      expect(result.status === 'abstained' && result.reason).toMatch(reason);
    });
  });

  test('quotes long answers shortened in the reason', () => {
    const result = parseRatingAnswer('9'.repeat(10_000) + 'x', fiveStars);
    expect(result.status === 'abstained' && result.reason.length).toBeLessThan(200);
  });
});
