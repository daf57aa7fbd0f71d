import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestOptions, createTestTarget } from '../shared/create-test-target';
import { validateHypertextLabelsResult } from './validate-hypertext-labels-result';

function createTarget(control: Partial<ControlTag> = {}): PredictionTarget {
  const options = createTestOptions(['PER', 'LOC']);
  return createTestTarget(
    { type: 'HyperTextLabels', name: 'ner', toName: ['page'], options, ...control },
    [createTestObject({ type: 'HyperText', name: 'page', value: '$html', dataField: 'html' })],
  );
}

const HTML = '<h2>🐱 Warning:</h2><p>New <b>York</b> 😀x</p><style>.a {}</style>';
const DATA = { html: HTML };

function createDraft(value: Record<string, unknown>, details: Partial<ResultDraft> = {}): ResultDraft {
  return {
    from_name: 'ner',
    to_name: 'page',
    type: 'hypertextlabels',
    value: {
      start: '/p[1]/text()[1]',
      end: '/p[1]/b[1]/text()[1]',
      startOffset: 0,
      endOffset: 4,
      text: 'New York',
      hypertextlabels: ['LOC'],
      ...value,
    },
    ...details,
  };
}

describe('validateHypertextLabelsResult', () => {
  test.each<[string, ResultDraft]>([
    ['a range across text nodes', createDraft({})],
    ['a range across blocks', createDraft({ start: '/h2[1]/text()[1]', startOffset: 3, end: '/p[1]/text()[1]', endOffset: 3, text: 'Warning:\nNew' })],
    ['UTF-16 offsets after an emoji', createDraft({ start: '/p[1]/text()[2]', startOffset: 3, end: '/p[1]/text()[2]', endOffset: 4, text: 'x' })],
    ['an emoji', createDraft({ start: '/p[1]/text()[2]', startOffset: 1, end: '/p[1]/text()[2]', endOffset: 3, text: '😀' })],
  ])('accepts %s', (_case, draft) => {
    expect(validateHypertextLabelsResult(draft, createTarget(), DATA)).toBeNull();
  });

  test.each<[string, ResultDraft, Record<string, unknown>, RegExp]>([
    ['another type', createDraft({}, { type: 'labels' }), DATA, /type is "labels", expected "hypertextlabels"/],
    ['no HTML in the task', createDraft({}), {}, /no HTML for "page"/],
    ['an unknown object', createDraft({}, { to_name: 'other' }), DATA, /no HTML for "other"/],
    ['an XPath that is not text', createDraft({ start: '/p[1]' }), DATA, /value.start "\/p\[1\]" is no text node of the HTML/],
    ['a number for an XPath', createDraft({ end: 3 }), DATA, /value.end is a number, not an XPath/],
    ['hidden text', createDraft({ start: '/style[1]/text()[1]', startOffset: 0 }), DATA, /text the editor does not show/],
    ['an offset beyond the node', createDraft({ endOffset: 5 }), DATA, /value.endOffset must be an integer from 0 to 4/],
    ['a negative offset', createDraft({ startOffset: -1 }), DATA, /value.startOffset must be an integer/],
    ['a string offset', createDraft({ startOffset: '0' }), DATA, /value.startOffset must be an integer/],
    ['an offset inside an emoji', createDraft({ start: '/p[1]/text()[2]', startOffset: 2, end: '/p[1]/text()[2]', endOffset: 4, text: 'x' }), DATA, /value.startOffset 2 is inside a character/],
    ['code point offsets', createDraft({ start: '/p[1]/text()[2]', startOffset: 2, end: '/p[1]/text()[2]', endOffset: 3, text: 'x' }), DATA, /inside a character/],
    ['an empty range', createDraft({ end: '/p[1]/text()[1]', endOffset: 0 }), DATA, /empty or ends before it starts/],
    ['a reversed range', createDraft({ start: '/p[1]/b[1]/text()[1]', end: '/p[1]/text()[1]', endOffset: 2, startOffset: 0 }), DATA, /empty or ends before/],
    ['a text that is not the range', createDraft({ text: 'New york' }), DATA, /value.text "New york" is not the text of the range, "New York"/],
    ['no labels', createDraft({ hypertextlabels: [] }), DATA, /value.hypertextlabels must be a non-empty list/],
    ['labels under the SDK key', createDraft({ hypertextlabels: undefined, htmllabels: ['LOC'] }), DATA, /value.hypertextlabels must be/],
    ['an unknown label', createDraft({ hypertextlabels: ['ORG'] }), DATA, /"ORG" is not a label of "ner"/],
  ])('rejects %s', (_case, draft, data, reason) => {
    expect(validateHypertextLabelsResult(draft, createTarget(), data)).toMatch(reason);
  });
});
