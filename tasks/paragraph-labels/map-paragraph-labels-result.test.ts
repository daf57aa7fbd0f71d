import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import type { SpanAnswer } from '../spans/parse-labels-answer';
import { createTestObject, createTestOptions, createTestTarget } from '../shared/create-test-target';
import { mapParagraphLabelsResult, paragraphSearchOrder, reportParagraphLabelsMapping } from './map-paragraph-labels-result';
import type { ParagraphMention } from './parse-paragraph-labels-answer';

function createTarget(control: Partial<ControlTag> = {}, object: Partial<ObjectTag> = {}): PredictionTarget {
  const options = createTestOptions(['PER', 'LOC', 'X']);
  return createTestTarget(
    { type: 'ParagraphLabels', name: 'ner', toName: ['dialogue'], options, ...control },
    [createTestObject({ type: 'Paragraphs', name: 'dialogue', value: '$chat', dataField: 'chat', ...object })],
  );
}

function mention(label: string, paragraph: number | null, text: string, context = text): ParagraphMention {
  return { label, paragraph, text, context, offset: 0 };
}

function answer(...mentions: ParagraphMention[]): SpanAnswer<ParagraphMention> {
  return { mentions, rejected: [] };
}

const CHAT = [
  { author: 'Ann', text: 'Hi, I am in Paris.' },
  { author: 'Bob', text: '🐱 Paris? I love Paris!' },
  { author: 'Ann', text: 'Meet Cafe\u0301 Flore in 東京 then.' },
];

type Value = [string, number, number, string, string];

describe('reportParagraphLabelsMapping', () => {
  test.each<[string, ParagraphMention[], Value[], RegExp[]]>([
    ['in the named paragraph', [mention('LOC', 0, 'Paris')], [['0', 12, 17, 'Paris', 'LOC']], []],
    ['UTF-16 offsets after an emoji', [mention('LOC', 1, 'Paris')], [['1', 3, 8, 'Paris', 'LOC']], []],
    ['by context within the paragraph', [mention('LOC', 1, 'Paris', 'I love Paris!')], [['1', 17, 22, 'Paris', 'LOC']], []],
    [
      'repeats take successive occurrences within the paragraph',
      [mention('LOC', 1, 'Paris'), mention('LOC', 1, 'Paris')],
      [['1', 3, 8, 'Paris', 'LOC'], ['1', 17, 22, 'Paris', 'LOC']],
      [],
    ],
    ['a wrong paragraph index: the nearest paragraph that has it', [mention('X', 1, 'Flore')], [['2', 11, 16, 'Flore', 'X']], []],
    ['an off-by-one index prefers the paragraph before', [mention('LOC', 1, 'Hi')], [['0', 0, 2, 'Hi', 'LOC']], []],
    ['an index beyond the list searches all', [mention('X', 9, '東京')], [['2', 20, 22, '東京', 'X']], []],
    ['no index searches all in order', [mention('LOC', null, 'Paris')], [['0', 12, 17, 'Paris', 'LOC']], []],
    ['a decomposed accent', [mention('X', 2, 'Café Flore')], [['2', 5, 16, 'Cafe\u0301 Flore', 'X']], []],
    [
      'same offsets in other paragraphs do not overlap',
      [mention('X', 0, 'Hi,'), mention('X', 1, '🐱 P')],
      [['0', 0, 3, 'Hi,', 'X'], ['1', 0, 4, '🐱 P', 'X']],
      [],
    ],
    [
      'overlaps within a paragraph are dropped',
      [mention('X', 2, 'Cafe\u0301 Flore'), mention('PER', 2, 'Flore')],
      [['2', 5, 16, 'Cafe\u0301 Flore', 'X']],
      [/^"Flore" at paragraph 2, 11–16 \(PER\) overlaps "Cafe\u0301 Flore" at paragraph 2, 5–16 \(X\)$/],
    ],
    ['a quote in no paragraph', [mention('LOC', 1, 'London')], [], [/^"London" \(LOC\) is not in paragraph 1 or any other$/]],
    ['a quote in no paragraph, no index', [mention('LOC', null, 'London')], [], [/^"London" \(LOC\) is not in any paragraph$/]],
    ['an author name is not paragraph text', [mention('PER', 0, 'Bob')], [], [/is not in paragraph 0 or any other/]],
  ])('%s', (_case, mentions, values, reasons) => {
    const report = reportParagraphLabelsMapping(answer(...mentions), createTarget(), { chat: CHAT });
    expect(report.drafts).toEqual(
      values.map(([paragraph, startOffset, endOffset, text, label]) => ({
        from_name: 'ner',
        to_name: 'dialogue',
        type: 'paragraphlabels',
        value: { start: paragraph, end: paragraph, startOffset, endOffset, text, paragraphlabels: [label] },
      })),
    );
    expect(report.dropped).toHaveLength(reasons.length);
    reasons.forEach((reason, index) => expect(report.dropped[index]).toMatch(reason));
    for (const { value } of report.drafts) {
      const paragraph = CHAT[Number(value.start)]?.text ?? '';
      expect(paragraph.slice(value.startOffset as number, value.endOffset as number)).toBe(value.text);
    }
  });

  test('reads the text key the object names', () => {
    const target = createTarget({}, { attributes: { textKey: 'utterance', nameKey: 'speaker' } });
    const drafts = mapParagraphLabelsResult(answer(mention('LOC', 1, 'Rome')), target, {
      chat: [{ speaker: 'A', utterance: 'hello' }, { speaker: 'B', utterance: 'to Rome' }],
    });
    expect(drafts.map(({ value }) => [value.start, value.startOffset, value.endOffset])).toEqual([['1', 3, 7]]);
  });

  test('skips paragraphs without text', () => {
    const drafts = mapParagraphLabelsResult(answer(mention('LOC', 0, 'Rome')), createTarget(), {
      chat: [null, { text: 42 }, { author: 'x' }, { text: 'Rome' }],
    });
    expect(drafts.map(({ value }) => value.start)).toEqual(['3']);
  });

  test('several labels on one span join on a multiple-choice control', () => {
    const drafts = mapParagraphLabelsResult(answer(mention('X', 0, 'Paris'), mention('LOC', 0, 'Paris')), createTarget({ choice: 'multiple' }), { chat: CHAT });
    expect(drafts.map(({ value }) => value.paragraphlabels)).toEqual([['LOC', 'X']]);
  });

  test.each<[string, unknown, Record<string, unknown>, string]>([
    ['a value that is not a parsed answer', { mentions: [{ label: 'X', text: 'a', context: 'a', offset: 0 }], rejected: [] }, { chat: CHAT }, 'the answer is not a list of mentions'],
    ['paragraphs that are not a list', answer(mention('X', 0, 'a')), { chat: 'Hi' }, 'task data field "chat" is not a list of paragraphs'],
    ['no paragraphs', answer(mention('X', 0, 'a')), {}, 'task data field "chat" is not a list of paragraphs'],
  ])('reports %s', (_case, value, data, reason) => {
    expect(reportParagraphLabelsMapping(value, createTarget(), data)).toEqual({ drafts: [], dropped: [reason] });
  });
});

describe('paragraphSearchOrder', () => {
  test.each<[number | null, number, number[]]>([
    [2, 5, [2, 1, 3, 0, 4]],
    [0, 3, [0, 1, 2]],
    [4, 5, [4, 3, 2, 1, 0]],
    [7, 3, [0, 1, 2]],
    [null, 3, [0, 1, 2]],
    [0, 0, []],
  ])('hint %s among %d → %j', (hint, count, order) => {
    expect(paragraphSearchOrder(hint, count)).toEqual(order);
  });
});
