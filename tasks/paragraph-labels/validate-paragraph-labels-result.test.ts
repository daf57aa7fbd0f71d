import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestOptions, createTestTarget } from '../shared/create-test-target';
import { validateParagraphLabelsResult } from './validate-paragraph-labels-result';

function createTarget(control: Partial<ControlTag> = {}): PredictionTarget {
  const options = createTestOptions(['PER', 'LOC']);
  return createTestTarget(
    { type: 'ParagraphLabels', name: 'ner', toName: ['dialogue'], options, ...control },
    [createTestObject({ type: 'Paragraphs', name: 'dialogue', value: '$chat', dataField: 'chat' })],
  );
}

const DATA = { chat: [{ author: 'A', text: 'Hi Paris' }, { author: 'B', text: '🐱 Paris' }] };

function createDraft(value: Record<string, unknown>, details: Partial<ResultDraft> = {}): ResultDraft {
  return {
    from_name: 'ner',
    to_name: 'dialogue',
    type: 'paragraphlabels',
    value: { start: '1', end: '1', startOffset: 3, endOffset: 8, text: 'Paris', paragraphlabels: ['LOC'], ...value },
    ...details,
  };
}

describe('validateParagraphLabelsResult', () => {
  test.each<[string, ResultDraft]>([
    ['UTF-16 offsets after an emoji', createDraft({})],
    ['the first paragraph', createDraft({ start: '0', end: '0', startOffset: 0, endOffset: 2, text: 'Hi' })],
    ['an emoji', createDraft({ startOffset: 0, endOffset: 2, text: '🐱' })],
  ])('accepts %s', (_case, draft) => {
    expect(validateParagraphLabelsResult(draft, createTarget(), DATA)).toBeNull();
  });

  test.each<[string, ResultDraft, Record<string, unknown>, RegExp]>([
    ['another type', createDraft({}, { type: 'labels' }), DATA, /type is "labels", expected "paragraphlabels"/],
    ['another object', createDraft({}, { to_name: 'text' }), DATA, /"text" is no object of this control/],
    ['no paragraphs in the task', createDraft({}), {}, /is not a list of paragraphs/],
    ['a number for the paragraph', createDraft({ start: 1, end: 1 }), DATA, /value.start must be a paragraph index written as a string, got a number/],
    ['a negative paragraph', createDraft({ start: '-1', end: '-1' }), DATA, /got "-1"/],
    ['a padded paragraph', createDraft({ start: '01', end: '01' }), DATA, /got "01"/],
    ['a span over two paragraphs', createDraft({ start: '0', end: '1' }), DATA, /stays within one paragraph/],
    ['a paragraph beyond the list', createDraft({ start: '2', end: '2' }), DATA, /paragraph 2 does not exist \(the task has 2\)/],
    ['string offsets', createDraft({ startOffset: '3' }), DATA, /must be integers/],
    ['an empty span', createDraft({ startOffset: 3, endOffset: 3 }), DATA, /not within the paragraph/],
    ['an end beyond the paragraph', createDraft({ endOffset: 9 }), DATA, /0 ≤ startOffset < endOffset ≤ 8 \(UTF-16 units\)/],
    ['code point offsets', createDraft({ startOffset: 2, endOffset: 7 }), DATA, /value.text "Paris" is not the text at 2–7, " Pari"/],
    ['an offset inside an emoji', createDraft({ startOffset: 1, endOffset: 8 }), DATA, /cut a character in two/],
    ['a wrong text', createDraft({ text: 'paris' }), DATA, /is not the text at 3–8/],
    ['no labels', createDraft({ paragraphlabels: [] }), DATA, /value.paragraphlabels must be a non-empty list/],
    ['an unknown label', createDraft({ paragraphlabels: ['ORG'] }), DATA, /"ORG" is not a label of "ner"/],
  ])('rejects %s', (_case, draft, data, reason) => {
    expect(validateParagraphLabelsResult(draft, createTarget(), data)).toMatch(reason);
  });
});
