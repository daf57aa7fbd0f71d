import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { ratingTask } from './rating-task';

function createTarget(control: Partial<ControlTag> = {}, objects?: ObjectTag[]): PredictionTarget {
  return createTestTarget({ type: 'Rating', name: 'stars', ...control }, objects);
}

describe('ratingTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['Rating on Text', createTarget(), true],
    ['Rating on HyperText', createTarget({}, [createTestObject({ type: 'HyperText' })]), true],
    ['Rating on Paragraphs', createTarget({}, [createTestObject({ type: 'Paragraphs' })]), true],
    ['maxRating 10', createTarget({ attributes: { maxRating: '10' } }), true],
    ['an unusable maxRating', createTarget({ attributes: { maxRating: '4.5' } }), false],
    ['another control type', createTarget({ type: 'Number' }), false],
    ['per-region Rating', createTarget({ perRegion: true }), false],
    ['an Image object (for vision models)', createTarget({}, [createTestObject({ type: 'Image' })]), true],
    ['an Audio object', createTarget({}, [createTestObject({ type: 'Audio' })]), false],
    ['a literal text object', createTarget({}, [createTestObject({ value: 'Read this', dataField: null })]), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(ratingTask.supports(target)).toBe(supported);
  });
});

describe('ratingTask.instructions', () => {
  test('optional rating with a hint', () => {
    const target = createTarget({ attributes: { maxRating: '10', hint: 'How  helpful\nis the answer?' } });
    expect(ratingTask.instructions(target)).toBe(
      [
        '"stars" for <text>: rate on a scale of 1 (lowest) to 10 (highest).',
        '  Hint: How helpful is the answer?',
        '  Answer a whole number; no fractions, no other scale. If the task data does not support a rating, answer null.',
      ].join('\n'),
    );
  });

  test('required rating on the default scale', () => {
    const instructions = ratingTask.instructions(createTarget({ required: true }));
    expect(instructions).toContain('1 (lowest) to 5 (highest)');
    expect(instructions).toContain('Always give the closest rating.');
    expect(instructions).not.toMatch(/\{\w+\}/);
  });
});

describe('ratingTask wiring', () => {
  test('parses, maps and validates a round trip', () => {
    const target = createTarget({ attributes: { maxRating: '10' } });
    const parsed = ratingTask.parse('8/10', target);
    expect(parsed).toEqual({ status: 'answered', value: 8 });
    const drafts = ratingTask.map(parsed.status === 'answered' ? parsed.value : null, target, {});
    expect(drafts).toEqual([{ from_name: 'stars', to_name: 'text', type: 'rating', value: { rating: 8 } }]);
    expect(drafts.map((draft) => ratingTask.validate(draft, target, {}))).toEqual([null]);
  });

  test('describes the answer schema of the control', () => {
    expect(ratingTask.schema(createTarget({ required: true }))).toMatchObject({ type: 'integer', enum: [1, 2, 3, 4, 5] });
  });

  test('is named rating.v1 and fills Rating', () => {
    expect(ratingTask.name).toBe('rating.v1');
    expect(ratingTask.controlType).toBe('Rating');
  });
});
