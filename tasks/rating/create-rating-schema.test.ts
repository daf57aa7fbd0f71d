import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { createRatingSchema, ratingValues, readMaxRating } from './create-rating-schema';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({ type: 'Rating', name: 'stars', ...details });
}

describe('createRatingSchema', () => {
  test.each<[string, Partial<ControlTag>, Record<string, unknown>]>([
    [
      'optional, default scale: an integer enum or null',
      {},
      {
        anyOf: [{ type: 'integer', enum: [1, 2, 3, 4, 5] }, { type: 'null' }],
        description:
          'The rating for "stars": a whole number from 1 (lowest) to 5 (highest), or null when the task data does not support a rating.',
      },
    ],
    [
      'required, maxRating 3: an integer enum',
      { required: true, attributes: { maxRating: '3' } },
      { type: 'integer', enum: [1, 2, 3], description: 'The rating for "stars": a whole number from 1 (lowest) to 3 (highest).' },
    ],
  ])('%s', (_case, details, schema) => {
    expect(createRatingSchema(createControl(details))).toEqual(schema);
  });
});

describe('readMaxRating', () => {
  test.each<[Record<string, string>, number | null]>([
    [{}, 5],
    [{ maxRating: '10' }, 10],
    [{ maxrating: '3' }, 3],
    [{ maxRating: ' 7 ' }, 7],
    [{ maxRating: '1' }, 1],
    [{ maxRating: '100' }, 100],
    [{ maxRating: '' }, 5],
    [{ maxRating: '0' }, null],
    [{ maxRating: '101' }, null],
    [{ maxRating: '5.0' }, null],
    [{ maxRating: '-5' }, null],
    [{ maxRating: 'ten' }, null],
    [{ maxRating: '1e3' }, null],
  ])('%j → %s', (attributes, maxRating) => {
    expect(readMaxRating(createControl({ attributes }))).toBe(maxRating);
  });
});

describe('ratingValues', () => {
  test.each<[number, number[]]>([
    [1, [1]],
    [3, [1, 2, 3]],
  ])('%s → %j', (maxRating, values) => {
    expect(ratingValues(maxRating)).toEqual(values);
  });
});
