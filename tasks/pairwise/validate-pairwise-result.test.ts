import type { ResultDraft } from '../../core/spec/control-task';
import { validatePairwiseResult } from './validate-pairwise-result';

function createDraft(value: Record<string, unknown>, type = 'pairwise'): ResultDraft {
  return { from_name: 'pw', to_name: 'a', type, value };
}

describe('validatePairwiseResult', () => {
  test.each<[string, ResultDraft]>([
    ['left', createDraft({ selected: 'left' })],
    ['right', createDraft({ selected: 'right' })],
  ])('accepts %s', (_case, draft) => {
    expect(validatePairwiseResult(draft)).toBeNull();
  });

  test.each<[string, ResultDraft, RegExp]>([
    ['another type', createDraft({ selected: 'left' }, 'choices'), /type is "choices", expected "pairwise"/],
    ['no selected key', createDraft({ choices: ['left'] }), /value.selected is undefined, expected "left" or "right"/],
    ['none (no selection to Label Studio)', createDraft({ selected: 'none' }), /value.selected is "none"/],
    ['another case', createDraft({ selected: 'Left' }), /value.selected is "Left"/],
    ['a list', createDraft({ selected: ['left'] }), /value.selected is a list/],
    ['null', createDraft({ selected: null }), /value.selected is null/],
    ['a number', createDraft({ selected: 0 }), /value.selected is a number/],
    ['an object', createDraft({ selected: { __proto__: 'left' } }), /value.selected is an object/],
  ])('rejects %s', (_case, draft, reason) => {
    expect(validatePairwiseResult(draft)).toMatch(reason);
  });
});
