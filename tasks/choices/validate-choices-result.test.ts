import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOption } from '../shared/create-test-target';
import { validateChoicesResult } from './validate-choices-result';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({
    type: 'Choices',
    name: 'sentiment',
    options: [createTestOption('Positive sentiment', { alias: 'POS' }), createTestOption('Negative'), createTestOption('Neutral')],
    ...details,
  });
}

function createDraft(value: Record<string, unknown>, type = 'choices'): ResultDraft {
  return { from_name: 'sentiment', to_name: 'text', type, value };
}

const single = createControl();
const multiple = createControl({ choice: 'multiple' });

describe('validateChoicesResult', () => {
  test.each<[string, ControlTag, ResultDraft]>([
    ['single label', single, createDraft({ choices: ['Negative'] })],
    ['alias as the label', single, createDraft({ choices: ['POS'] })],
    ['multiple labels', multiple, createDraft({ choices: ['POS', 'Neutral'] })],
    ['one label on a multiple-choice control', multiple, createDraft({ choices: ['Neutral'] })],
  ])('accepts %s', (_case, control, draft) => {
    expect(validateChoicesResult(draft, control)).toBeNull();
  });

  test.each<[string, ControlTag, ResultDraft, RegExp]>([
    ['another type', single, createDraft({ choices: ['Negative'] }, 'labels'), /type is "labels", expected "choices"/],
    ['no choices key', single, createDraft({ labels: ['Negative'] }), /non-empty list/],
    ['choices not a list', single, createDraft({ choices: 'Negative' }), /non-empty list/],
    ['empty choices', multiple, createDraft({ choices: [] }), /non-empty list/],
    ['value of an aliased option', single, createDraft({ choices: ['Positive sentiment'] }), /"Positive sentiment" is not a label of "sentiment"/],
    ['label not in the config', single, createDraft({ choices: ['Angry'] }), /"Angry" is not a label/],
    ['label in another case', single, createDraft({ choices: ['negative'] }), /"negative" is not a label/],
    ['a number', single, createDraft({ choices: [1] }), /a choice is a number, not a label/],
    ['a nested list', single, createDraft({ choices: [['Negative']] }), /a choice is a list, not a label/],
    ['null', single, createDraft({ choices: [null] }), /a choice is null, not a label/],
    ['an object', single, createDraft({ choices: [{ label: 'Negative' }] }), /a choice is an object, not a label/],
    ['prototype key', single, createDraft({ choices: ['__proto__'] }), /"__proto__" is not a label/],
    ['duplicates', multiple, createDraft({ choices: ['Neutral', 'Neutral'] }), /repeats a label/],
    ['two labels on a single-choice control', single, createDraft({ choices: ['Negative', 'Neutral'] }), /exactly one label, got 2/],
  ])('rejects %s', (_case, control, draft, reason) => {
    expect(validateChoicesResult(draft, control)).toMatch(reason);
  });
});
