import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestOptions, createTestTarget } from '../shared/create-test-target';
import { mapLabelsResult, reportLabelsMapping } from './map-labels-result';
import type { Mention, SpanAnswer } from './parse-labels-answer';

function createTarget(control: Partial<ControlTag> = {}, object: Partial<ObjectTag> = {}): PredictionTarget {
  const options = createTestOptions(['PER', 'ORG', 'LOC']);
  return createTestTarget(
    { type: 'Labels', name: 'ner', toName: ['doc'], options, ...control },
    [createTestObject({ name: 'doc', value: '$body', dataField: 'body', ...object })],
  );
}

function mention(label: string, text: string, context = text): Mention {
  return { label, text, context, offset: 0 };
}

function answer(mentions: Mention[], rejected: string[] = []): SpanAnswer {
  return { mentions, rejected };
}

const TEXT = '🐱 Barack Obama visited 東京 and Cafe\u0301 de Flore. Obama left.';

function labels(start: number, end: number, text: string, label: string[]): Record<string, unknown> {
  return { start, end, text, labels: label };
}

describe('reportLabelsMapping', () => {
  test.each<[string, PredictionTarget, SpanAnswer, Array<Record<string, unknown>>, RegExp[]]>([
    [
      'located mentions become labels results in code points',
      createTarget(),
      answer([mention('PER', 'Barack Obama'), mention('LOC', '東京'), mention('ORG', 'Café de Flore')]),
      [labels(2, 14, 'Barack Obama', ['PER']), labels(23, 25, '東京', ['LOC']), labels(30, 44, 'Cafe\u0301 de Flore', ['ORG'])],
      [],
    ],
    [
      'an unlocatable mention is reported',
      createTarget(),
      answer([mention('PER', 'Merkel'), mention('PER', 'Obama', 'Obama left')]),
      [labels(46, 51, 'Obama', ['PER'])],
      [/^"Merkel" \(PER\) is not in the text$/],
    ],
    [
      'parse rejections are reported first',
      createTarget(),
      answer([mention('PER', 'Obama')], ['answer item 2 has no quoted text']),
      [labels(9, 14, 'Obama', ['PER'])],
      [/^answer item 2 has no quoted text$/],
    ],
    [
      'overlaps are dropped without allowOverlap',
      createTarget(),
      answer([mention('PER', 'Barack Obama'), mention('PER', 'Obama', 'Barack Obama visited')]),
      [labels(2, 14, 'Barack Obama', ['PER'])],
      [/overlaps "Barack Obama" at 2–14 \(PER\)/],
    ],
    [
      'overlaps are kept with allowOverlap',
      createTarget({ attributes: { allowOverlap: 'true' } }),
      answer([mention('PER', 'Barack Obama'), mention('PER', 'Obama', 'Barack Obama visited')]),
      [labels(2, 14, 'Barack Obama', ['PER']), labels(9, 14, 'Obama', ['PER'])],
      [],
    ],
    [
      'several labels on one span join on a multiple-choice control',
      createTarget({ choice: 'multiple' }),
      answer([mention('ORG', 'Cafe\u0301 de Flore'), mention('LOC', 'Café de Flore')]),
      [labels(30, 44, 'Cafe\u0301 de Flore', ['ORG', 'LOC'])],
      [],
    ],
    [
      'several labels on one span keep the first on a single-choice control',
      createTarget(),
      answer([mention('LOC', 'Cafe\u0301 de Flore'), mention('ORG', 'Cafe\u0301 de Flore')]),
      [labels(30, 44, 'Cafe\u0301 de Flore', ['LOC'])],
      [/is already labelled LOC; "ner" takes one label per span, so ORG is dropped/],
    ],
    [
      'repeated mentions become distinct results, identical ones collapse',
      createTarget(),
      answer([mention('PER', 'Obama'), mention('PER', 'Obama'), mention('PER', 'Obama')]),
      [labels(9, 14, 'Obama', ['PER']), labels(46, 51, 'Obama', ['PER'])],
      [],
    ],
  ])('%s', (_case, target, value, values, reasons) => {
    const report = reportLabelsMapping(value, target, { body: TEXT });
    expect(report.drafts).toEqual(values.map((resultValue) => ({ from_name: 'ner', to_name: 'doc', type: 'labels', value: resultValue })));
    expect(report.dropped).toHaveLength(reasons.length);
    reasons.forEach((reason, index) => expect(report.dropped[index]).toMatch(reason));
    expect(mapLabelsResult(value, target, { body: TEXT })).toEqual(report.drafts);
  });

  test.each<[string, unknown, Record<string, unknown>, string]>([
    ['a value that is not a parsed answer', ['PER'], { body: TEXT }, 'the answer is not a list of mentions'],
    ['no text in the task', answer([mention('PER', 'Obama')]), {}, 'task data field "body" is not text'],
    ['a text field holding a number', answer([mention('PER', 'Obama')]), { body: 7 }, 'task data field "body" is not text'],
  ])('reports %s', (_case, value, data, reason) => {
    expect(reportLabelsMapping(value, createTarget(), data)).toEqual({ drafts: [], dropped: [reason] });
  });

  test('reports an object without a data field', () => {
    expect(reportLabelsMapping(answer([]), createTarget({}, { dataField: null }), { body: TEXT }).dropped).toEqual([
      'the control shows no task data field',
    ]);
  });
});
