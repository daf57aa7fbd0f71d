import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestOption, createTestTarget } from '../shared/create-test-target';
import { validateLabelsResult } from './validate-labels-result';

function createTarget(control: Partial<ControlTag> = {}): PredictionTarget {
  const options = [createTestOption('Person', { alias: 'PER' }), createTestOption('LOC')];
  return createTestTarget({ type: 'Labels', name: 'ner', options, ...control });
}

function createDraft(value: Record<string, unknown>, details: Partial<ResultDraft> = {}): ResultDraft {
  return { from_name: 'ner', to_name: 'text', type: 'labels', value, ...details };
}

const DATA = { text: '🐱 Obama in 東京 at Cafe\u0301.' };
const single = createTarget();
const multiple = createTarget({ choice: 'multiple' });

describe('validateLabelsResult', () => {
  test.each<[string, PredictionTarget, ResultDraft]>([
    ['a span after an emoji', single, createDraft({ start: 2, end: 7, text: 'Obama', labels: ['PER'] })],
    ['a CJK span', single, createDraft({ start: 11, end: 13, text: '東京', labels: ['LOC'] })],
    ['a span ending in a combining mark', single, createDraft({ start: 17, end: 22, text: 'Cafe\u0301', labels: ['LOC'] })],
    ['the whole text', single, createDraft({ start: 0, end: 23, text: DATA.text, labels: ['LOC'] })],
    ['several labels on a multiple-choice control', multiple, createDraft({ start: 2, end: 7, text: 'Obama', labels: ['PER', 'LOC'] })],
  ])('accepts %s', (_case, target, draft) => {
    expect(validateLabelsResult(draft, target, DATA)).toBeNull();
  });

  test.each<[string, PredictionTarget, ResultDraft, Record<string, unknown>, RegExp]>([
    ['another type', single, createDraft({ start: 2, end: 7, text: 'Obama', labels: ['PER'] }, { type: 'choices' }), DATA, /type is "choices", expected "labels"/],
    ['an unknown object', single, createDraft({ start: 2, end: 7, text: 'Obama', labels: ['PER'] }, { to_name: 'title' }), DATA, /no text for "title"/],
    ['no text in the task', single, createDraft({ start: 2, end: 7, text: 'Obama', labels: ['PER'] }), {}, /no text for "text"/],
    ['string offsets', single, createDraft({ start: '2', end: '7', text: 'Obama', labels: ['PER'] }), DATA, /must be integers/],
    ['fractional offsets', single, createDraft({ start: 2.5, end: 7, text: 'Obama', labels: ['PER'] }), DATA, /must be integers/],
    ['missing offsets', single, createDraft({ text: 'Obama', labels: ['PER'] }), DATA, /must be integers/],
    ['a negative start', single, createDraft({ start: -1, end: 7, text: 'Obama', labels: ['PER'] }), DATA, /not within the text: 0 ≤ start < end ≤ 23/],
    ['an empty span', single, createDraft({ start: 7, end: 7, text: '', labels: ['PER'] }), DATA, /not within the text/],
    ['an end beyond the text', single, createDraft({ start: 20, end: 24, text: 'x', labels: ['PER'] }), DATA, /not within the text/],
    ['UTF-16 offsets', single, createDraft({ start: 3, end: 8, text: 'Obama', labels: ['PER'] }), DATA, /value.text "Obama" is not the text at 3–8, "bama "/],
    ['a text that is not the slice', single, createDraft({ start: 2, end: 7, text: 'OBAMA', labels: ['PER'] }), DATA, /is not the text at 2–7/],
    ['a missing text', single, createDraft({ start: 2, end: 7, labels: ['PER'] }), DATA, /value.text nothing is not the text/],
    ['no labels', single, createDraft({ start: 2, end: 7, text: 'Obama', labels: [] }), DATA, /value.labels must be a non-empty list/],
    ['labels under another key', single, createDraft({ start: 2, end: 7, text: 'Obama', choices: ['PER'] }), DATA, /value.labels must be a non-empty list/],
    ['the value of an aliased label', single, createDraft({ start: 2, end: 7, text: 'Obama', labels: ['Person'] }), DATA, /"Person" is not a label of "ner"/],
    ['a label that is not text', single, createDraft({ start: 2, end: 7, text: 'Obama', labels: [1] }), DATA, /a label is a number/],
    ['a repeated label', multiple, createDraft({ start: 2, end: 7, text: 'Obama', labels: ['PER', 'PER'] }), DATA, /repeats a label/],
    ['two labels on a single-choice control', single, createDraft({ start: 2, end: 7, text: 'Obama', labels: ['PER', 'LOC'] }), DATA, /takes one label per span, got 2/],
  ])('rejects %s', (_case, target, draft, data, reason) => {
    expect(validateLabelsResult(draft, target, data)).toMatch(reason);
  });
});
