import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOptions } from '../shared/create-test-target';
import { resolveSpans, type LabelledSpan } from './resolve-spans';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({ type: 'Labels', name: 'ner', options: createTestOptions(['PER', 'ORG', 'LOC']), ...details });
}

function span(start: number, end: number, label: string, scope = 0): LabelledSpan {
  return { scope, start, end, text: `t${start}-${end}`, label };
}

const single = createControl();
const multiple = createControl({ choice: 'multiple' });
const overlapping = createControl({ attributes: { allowOverlap: 'true' } });
const overlappingLowerCase = createControl({ attributes: { allowoverlap: 'true' } });

type Kept = Array<[number, number, string[]]>;

describe('resolveSpans', () => {
  test.each<[string, ControlTag, LabelledSpan[], Kept, RegExp[]]>([
    ['distinct spans, sorted by position', single, [span(10, 15, 'PER'), span(0, 5, 'ORG')], [[0, 5, ['ORG']], [10, 15, ['PER']]], []],
    ['identical spans collapse silently', single, [span(0, 5, 'PER'), span(0, 5, 'PER')], [[0, 5, ['PER']]], []],
    ['adjacent spans do not overlap', single, [span(0, 5, 'PER'), span(5, 9, 'ORG')], [[0, 5, ['PER']], [5, 9, ['ORG']]], []],
    [
      'a span overlapping an earlier kept one is dropped',
      single,
      [span(0, 10, 'ORG'), span(5, 15, 'PER')],
      [[0, 10, ['ORG']]],
      [/^"t5-15" at 5–15 \(PER\) overlaps "t0-10" at 0–10 \(ORG\)$/],
    ],
    ['a nested span is dropped too', single, [span(0, 10, 'ORG'), span(2, 4, 'PER')], [[0, 10, ['ORG']]], [/overlaps/]],
    ['answer order decides, not position', single, [span(5, 15, 'PER'), span(0, 10, 'ORG')], [[5, 15, ['PER']]], [/"t0-10" at 0–10 \(ORG\) overlaps/]],
    ['allowOverlap keeps overlaps', overlapping, [span(0, 10, 'ORG'), span(5, 15, 'PER')], [[0, 10, ['ORG']], [5, 15, ['PER']]], []],
    ['allowOverlap in any case', overlappingLowerCase, [span(0, 10, 'ORG'), span(2, 4, 'PER')], [[0, 10, ['ORG']], [2, 4, ['PER']]], []],
    [
      'same span, other label, single-label control: the first stays',
      single,
      [span(0, 5, 'ORG'), span(0, 5, 'LOC')],
      [[0, 5, ['ORG']]],
      [/^"t0-5" at 0–5 is already labelled ORG; "ner" takes one label per span, so LOC is dropped$/],
    ],
    ['same span, other labels, multiple: one result, config order', multiple, [span(0, 5, 'LOC'), span(0, 5, 'PER'), span(0, 5, 'LOC')], [[0, 5, ['PER', 'LOC']]], []],
    [
      'multiple labels do not make overlaps allowed',
      multiple,
      [span(0, 5, 'LOC'), span(3, 8, 'PER')],
      [[0, 5, ['LOC']]],
      [/overlaps/],
    ],
    ['other scopes never overlap', single, [span(0, 5, 'PER', 1), span(0, 5, 'ORG', 0)], [[0, 5, ['ORG']], [0, 5, ['PER']]], []],
    ['nothing', single, [], [], []],
  ])('%s', (_case, control, spans, kept, reasons) => {
    const resolved = resolveSpans(spans, control);
    expect(resolved.spans.map(({ start, end, labels }) => [start, end, labels])).toEqual(kept);
    expect(resolved.dropped).toHaveLength(reasons.length);
    reasons.forEach((reason, index) => expect(resolved.dropped[index]).toMatch(reason));
  });

  test('names the scope in reasons when asked', () => {
    expect(resolveSpans([span(0, 5, 'PER', 2), span(3, 8, 'ORG', 2)], single, 'paragraph').dropped).toEqual([
      '"t3-8" at paragraph 2, 3–8 (ORG) overlaps "t0-5" at paragraph 2, 0–5 (PER)',
    ]);
  });

  test('keeps the scope and text of each span', () => {
    expect(resolveSpans([span(1, 3, 'PER', 4)], single).spans).toEqual([{ scope: 4, start: 1, end: 3, text: 't1-3', labels: ['PER'] }]);
  });
});
