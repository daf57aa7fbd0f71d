import { createLabelMatcher, listLabels, MAX_LISTED_LABELS, spellingsOf } from './create-label-matcher';
import { createTestOption, createTestOptions } from './create-test-target';

describe('createLabelMatcher', () => {
  it('matches result values exactly, then trimmed, then normalised', () => {
    const match = createLabelMatcher(createTestOptions(['Positive', 'Negative']));
    expect(match('Positive')).toBe('Positive');
    expect(match('  Negative ')).toBe('Negative');
    expect(match('positive!')).toBe('Positive');
    expect(match('Neutral')).toBeUndefined();
  });

  it('matches values and aliases to the result value, result values winning', () => {
    const options = [createTestOption('Person', { alias: 'PER', resultValue: 'PER' }), createTestOption('PER', { resultValue: 'Org' })];
    const match = createLabelMatcher(options);
    expect(match('PER')).toBe('PER');
    expect(match('Person')).toBe('PER');
  });

  it('matches no option when two normalise alike', () => {
    const match = createLabelMatcher(createTestOptions(['Not sure', 'not-sure']));
    expect(match('Not sure')).toBe('Not sure');
    expect(match('NOT SURE')).toBeUndefined();
  });

  it('lists the spellings of an option', () => {
    expect(spellingsOf(createTestOption('Person', { alias: 'PER', resultValue: 'PER' }))).toEqual(['PER', 'Person', 'PER']);
  });
});

describe('listLabels', () => {
  it(`lists up to ${MAX_LISTED_LABELS} labels, then an ellipsis`, () => {
    expect(listLabels(['A', 'B'])).toBe('A, B');
    const many = Array.from({ length: MAX_LISTED_LABELS + 1 }, (_value, index) => `L${index}`);
    expect(listLabels(many)).toBe(`${many.slice(0, MAX_LISTED_LABELS).join(', ')}, …`);
  });
});
