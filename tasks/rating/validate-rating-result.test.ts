import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { validateRatingResult } from './validate-rating-result';

function createControl(attributes: Record<string, string> = {}): ControlTag {
  return createTestControl({ type: 'Rating', name: 'stars', attributes });
}

function createDraft(value: Record<string, unknown>, type = 'rating'): ResultDraft {
  return { from_name: 'stars', to_name: 'text', type, value };
}

const fiveStars = createControl();

describe('validateRatingResult', () => {
  test.each<[string, ControlTag, ResultDraft]>([
    ['the lowest rating', fiveStars, createDraft({ rating: 1 })],
    ['the highest rating', fiveStars, createDraft({ rating: 5 })],
    ['a rating on a 10-star scale', createControl({ maxRating: '10' }), createDraft({ rating: 9 })],
  ])('accepts %s', (_case, control, draft) => {
    expect(validateRatingResult(draft, control)).toBeNull();
  });

  test.each<[string, ControlTag, ResultDraft, RegExp]>([
    ['another type', fiveStars, createDraft({ rating: 4 }, 'number'), /type is "number", expected "rating"/],
    ['no rating key', fiveStars, createDraft({ number: 4 }), /value.rating is undefined, not a number/],
    ['a numeric string', fiveStars, createDraft({ rating: '4' }), /value.rating is a string, not a number/],
    ['null', fiveStars, createDraft({ rating: null }), /value.rating is null/],
    ['a list', fiveStars, createDraft({ rating: [4] }), /value.rating is a list/],
    ['an object', fiveStars, createDraft({ rating: { __proto__: 4 } }), /value.rating is an object/],
    ['zero (not rated)', fiveStars, createDraft({ rating: 0 }), /value.rating 0 is outside 1 to 5/],
    ['above maxRating', fiveStars, createDraft({ rating: 6 }), /value.rating 6 is outside 1 to 5/],
    ['a fraction', fiveStars, createDraft({ rating: 2.5 }), /value.rating 2.5 is not a whole number/],
    ['NaN', fiveStars, createDraft({ rating: Number.NaN }), /is not a whole number/],
    ['a huge number', fiveStars, createDraft({ rating: 1e308 }), /is outside 1 to 5/],
    ['an unusable maxRating', createControl({ maxRating: '0' }), createDraft({ rating: 1 }), /no usable maxRating/],
  ])('rejects %s', (_case, control, draft, reason) => {
    expect(validateRatingResult(draft, control)).toMatch(reason);
  });
});
