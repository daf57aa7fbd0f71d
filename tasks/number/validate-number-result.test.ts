import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { validateNumberResult } from './validate-number-result';

function createControl(attributes: Record<string, string> = {}): ControlTag {
  return createTestControl({ type: 'Number', name: 'price', attributes });
}

function createDraft(value: Record<string, unknown>, type = 'number'): ResultDraft {
  return { from_name: 'price', to_name: 'text', type, value };
}

const free = createControl();
const halves = createControl({ min: '0', max: '10', step: '0.5' });

describe('validateNumberResult', () => {
  test.each<[string, ControlTag, ResultDraft]>([
    ['any number without constraints', free, createDraft({ number: -12.75 })],
    ['the minimum', halves, createDraft({ number: 0 })],
    ['the maximum', halves, createDraft({ number: 10 })],
    ['on the grid', halves, createDraft({ number: 4.5 })],
    ['on a grid counted from min', createControl({ min: '1', step: '2' }), createDraft({ number: 5 })],
    ['a step without min counts from 0', createControl({ step: '3' }), createDraft({ number: -6 })],
  ])('accepts %s', (_case, control, draft) => {
    expect(validateNumberResult(draft, control)).toBeNull();
  });

  test.each<[string, ControlTag, ResultDraft, RegExp]>([
    ['another type', free, createDraft({ number: 1 }, 'rating'), /type is "rating", expected "number"/],
    ['no number key', free, createDraft({ rating: 1 }), /value.number is undefined, not a number/],
    ['a numeric string', free, createDraft({ number: '12' }), /value.number is a string, not a number/],
    ['null', free, createDraft({ number: null }), /value.number is null/],
    ['a list', free, createDraft({ number: [1] }), /value.number is a list/],
    ['an object', free, createDraft({ number: { __proto__: 1 } }), /value.number is an object/],
    ['NaN', free, createDraft({ number: Number.NaN }), /NaN is not a finite number/],
    ['infinity', free, createDraft({ number: Number.POSITIVE_INFINITY }), /Infinity is not a finite number/],
    ['a huge number', free, createDraft({ number: 1e300 }), /too large to store exactly/],
    ['below min', halves, createDraft({ number: -0.5 }), /-0.5 is below min 0/],
    ['above max', halves, createDraft({ number: 10.5 }), /10.5 is above max 10/],
    ['off the grid', halves, createDraft({ number: 4.2 }), /4.2 is not 0 plus a whole number of steps of 0.5/],
    ['float noise Label Studio would see', halves, createDraft({ number: 2.5000000000000004 }), /not 0 plus a whole number of steps/],
    ['a grid value Label Studio miscomputes', createControl({ step: '0.1' }), createDraft({ number: 0.7 }), /Label Studio would refuse 0.7 on submit/],
    ['an unusable constraint', createControl({ min: 'low' }), createDraft({ number: 1 }), /unusable min, max or step/],
  ])('rejects %s', (_case, control, draft, reason) => {
    expect(validateNumberResult(draft, control)).toMatch(reason);
  });
});
