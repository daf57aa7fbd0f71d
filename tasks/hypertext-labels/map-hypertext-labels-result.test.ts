import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import type { Mention, SpanAnswer } from '../spans/parse-labels-answer';
import { createTestObject, createTestOptions, createTestTarget } from '../shared/create-test-target';
import { mapHypertextLabelsResult, reportHypertextLabelsMapping, toHypertextRange } from './map-hypertext-labels-result';
import { readHypertext } from './read-hypertext';

function createTarget(control: Partial<ControlTag> = {}, object: Partial<ObjectTag> = {}): PredictionTarget {
  const options = createTestOptions(['PER', 'ORG', 'LOC', 'X']);
  return createTestTarget(
    { type: 'HyperTextLabels', name: 'ner', toName: ['page'], options, ...control },
    [createTestObject({ type: 'HyperText', name: 'page', value: '$html', dataField: 'html', ...object })],
  );
}

function mention(label: string, text: string, context = text): Mention {
  return { label, text, context, offset: 0 };
}

function answer(...mentions: Mention[]): SpanAnswer {
  return { mentions, rejected: [] };
}

type Range = [string, number, string, number, string];

const EMOJI_PAGE = '<article><h2>🐱 Warning:</h2> <p>🐱 This is a test text</p></article>';

describe('reportHypertextLabelsMapping', () => {
  test.each<[string, string, Mention[], Range[]]>([
    ["Label Studio's emoji example: UTF-16 offsets in the text node", EMOJI_PAGE, [mention('X', 'test')], [['/article[1]/p[1]/text()[1]', 13, '/article[1]/p[1]/text()[1]', 17, 'test']]],
    ["Label Studio's heuristic example", '<p>🐱\nmeans cat</p>', [mention('X', 'means')], [['/p[1]/text()[1]', 3, '/p[1]/text()[1]', 8, 'means']]],
    ['a mention across inline elements', '<p>in New <b>York</b> City</p>', [mention('LOC', 'New York')], [['/p[1]/text()[1]', 3, '/p[1]/b[1]/text()[1]', 4, 'New York']]],
    ['the second text node of a paragraph', '<div><p>a</p><p>b <i>x</i> c Obama</p></div>', [mention('PER', 'Obama')], [['/div[1]/p[2]/text()[2]', 3, '/div[1]/p[2]/text()[2]', 8, 'Obama']]],
    ['a table cell', '<table><tr><td>Paris</td></tr></table>', [mention('LOC', 'Paris')], [['/table[1]/tbody[1]/tr[1]/td[1]/text()[1]', 0, '/table[1]/tbody[1]/tr[1]/td[1]/text()[1]', 5, 'Paris']]],
    ['an entity in the quote as its character', '<p>we like AT&amp;T</p>', [mention('ORG', 'AT&T')], [['/p[1]/text()[1]', 8, '/p[1]/text()[1]', 12, 'AT&T']]],
    ['source whitespace against a spaced quote', '<p>Barack\n    Obama spoke</p>', [mention('PER', 'Barack Obama')], [['/p[1]/text()[1]', 0, '/p[1]/text()[1]', 16, 'Barack\n    Obama']]],
    ['text after a removed script', '<p>Hi <script>var who = "Obama";</script>Obama</p>', [mention('PER', 'Obama')], [['/p[1]/text()[1]', 3, '/p[1]/text()[1]', 8, 'Obama']]],
    ['hidden text is never matched', '<p>x</p><style>.Obama {}</style><p>Obama</p>', [mention('PER', 'Obama')], [['/p[2]/text()[1]', 0, '/p[2]/text()[1]', 5, 'Obama']]],
    ['repeated mentions by context and order', '<p>Paris</p><p>I left Paris</p>', [mention('LOC', 'Paris', 'left Paris'), mention('LOC', 'Paris')], [['/p[1]/text()[1]', 0, '/p[1]/text()[1]', 5, 'Paris'], ['/p[2]/text()[1]', 7, '/p[2]/text()[1]', 12, 'Paris']]],
    ['a decomposed accent in the HTML', '<p>at Cafe\u0301 Flore</p>', [mention('ORG', 'Café Flore')], [['/p[1]/text()[1]', 3, '/p[1]/text()[1]', 14, 'Cafe\u0301 Flore']]],
  ])('%s', (_case, html, mentions, ranges) => {
    const target = createTarget();
    const report = reportHypertextLabelsMapping(answer(...mentions), target, { html });
    expect(report.dropped).toEqual([]);
    expect(report.drafts).toEqual(
      ranges.map(([start, startOffset, end, endOffset, text], index) => ({
        from_name: 'ner',
        to_name: 'page',
        type: 'hypertextlabels',
        value: { start, end, startOffset, endOffset, text, hypertextlabels: [mentions[index]?.label] },
      })),
    );
  });

  test('a Labels control writes labels results', () => {
    const target = createTarget({ type: 'Labels' });
    expect(mapHypertextLabelsResult(answer(mention('X', 'test')), target, { html: EMOJI_PAGE })).toEqual([
      {
        from_name: 'ner',
        to_name: 'page',
        type: 'labels',
        value: { start: '/article[1]/p[1]/text()[1]', end: '/article[1]/p[1]/text()[1]', startOffset: 13, endOffset: 17, text: 'test', labels: ['X'] },
      },
    ]);
  });

  test('inline HTML has XPaths from its div', () => {
    const target = createTarget({}, { attributes: { inline: 'true' } });
    const [draft] = mapHypertextLabelsResult(answer(mention('X', 'a')), target, { html: '<style>b{}</style><p>a</p>' });
    expect(draft?.value.start).toBe('/p[1]/text()[1]');
  });

  test('reports unlocatable mentions, overlaps and rejections', () => {
    const target = createTarget();
    const value: SpanAnswer = { mentions: [mention('PER', 'Barack Obama'), mention('PER', 'Obama'), mention('PER', 'Merkel')], rejected: ['answer item 4 has no quoted text'] };
    const report = reportHypertextLabelsMapping(value, target, { html: '<p>Barack <b>Obama</b></p>' });
    expect(report.drafts).toHaveLength(1);
    expect(report.dropped).toEqual([
      'answer item 4 has no quoted text',
      '"Merkel" (PER) is not in the text',
      expect.stringMatching(/^"Obama" at 7–12 \(PER\) overlaps "Barack Obama" at 0–12 \(PER\)$/),
    ]);
  });

  test.each<[string, unknown, Record<string, unknown>, string]>([
    ['a value that is not a parsed answer', 'Obama', { html: '<p>Obama</p>' }, 'the answer is not a list of mentions'],
    ['no HTML in the task', answer(mention('PER', 'Obama')), {}, 'task data field "html" is not text'],
  ])('reports %s', (_case, value, data, reason) => {
    expect(reportHypertextLabelsMapping(value, createTarget(), data)).toEqual({ drafts: [], dropped: [reason] });
  });
});

describe('toHypertextRange', () => {
  test("a span across blocks, as in Label Studio's multiline emoji example", () => {
    const view = readHypertext(EMOJI_PAGE, false);
    const start = view.characters.indexOf('W');
    const end = [...view.text.slice(0, view.text.indexOf('test') + 'test'.length)].length;
    expect(toHypertextRange(view, start, end)).toEqual({
      start: '/article[1]/h2[1]/text()[1]',
      startOffset: 3,
      end: '/article[1]/p[1]/text()[1]',
      endOffset: 17,
      text: 'Warning:\n \n🐱 This is a test',
    });
  });

  test('a span of added line breaks only is no range', () => {
    const view = readHypertext('<p>a</p><p>b</p>', false);
    expect(toHypertextRange(view, 1, 2)).toBeNull();
  });
});
