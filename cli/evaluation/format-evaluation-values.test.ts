import { formatCount, formatDuration, formatPrecisionRecall, formatRatio, formatUsd } from './format-evaluation-values';
import { alignLines, formatConfusionMatrix } from './format-evaluation-table';
import { escapeHtml } from './escape-html';
import { cellOpacity } from './render-confusion-matrix-html';
import { renderReliabilitySvg } from './render-reliability-svg';

describe('formatting figures', () => {
  it.each([
    [formatRatio({ count: 3, total: 6, rate: 0.5 }), '0.500 (3/6)'],
    [formatRatio({ count: 0, total: 0, rate: null }), 'n/a (0/0)'],
    [formatPrecisionRecall({ matched: 7, predicted: 8, gold: 10, precision: 0.875, recall: 0.7, f1: 14 / 18 }), '0.875 / 0.700 / 0.778'],
    [formatPrecisionRecall({ matched: 0, predicted: 0, gold: 2, precision: null, recall: 0, f1: 0 }), 'n/a / 0.000 / 0.000'],
    [formatCount(833_333.3), '833,333'],
    [formatUsd(0.015), '$0.015'],
    [formatUsd(0.000864), '$0.000864'],
    [formatUsd(2.5), '$2.50'],
    [formatUsd(0), '$0.00'],
    [formatUsd(null), 'n/a'],
    [formatDuration(412.4), '412 ms'],
    [formatDuration(36_900), '36.9 s'],
    [formatDuration(66_000), '1 min 6 s'],
    [formatDuration(7_500_000), '2 h 5 min'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('alignLines and formatConfusionMatrix', () => {
  it('pads every column but the last to its widest cell; headings stay as they are', () => {
    expect(alignLines([{ cells: ['', 'a.yaml', 'b.yaml'] }, { heading: 'a long heading line' }, { cells: ['  accuracy', '0.500 (3/6)', '0.833 (5/6)'] }])).toEqual([
      '            a.yaml       b.yaml',
      'a long heading line',
      '  accuracy  0.500 (3/6)  0.833 (5/6)',
    ]);
  });

  it('right-aligns counts under their labels', () => {
    expect(formatConfusionMatrix({ rows: ['Yes', 'No'], columns: ['Yes', 'No', '(no answer)'], counts: [[12, 0, 1], [3, 4, 0]] })).toEqual([
      '       Yes  No  (no answer)',
      '  Yes   12   0            1',
      '  No     3   4            0',
    ]);
  });
});

describe('HTML pieces', () => {
  it('escapes text for content and attributes', () => {
    expect(escapeHtml(`<b title="x">Tom & Jerry's</b>`)).toBe('&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;');
  });

  it.each([
    [0, 10, 0],
    [10, 10, 0.12 + 0.88 * 0.75],
    [5, 10, 0.12 + 0.88 * 0.5 * 0.75],
  ])('a confusion cell of %d (largest %d) has opacity %d', (count, largest, opacity) => {
    expect(cellOpacity(count, largest)).toBeCloseTo(opacity, 10);
  });

  it('draws one dot per filled reliability bin, with its figures in a tooltip', () => {
    const bins = [
      { lower: 0.8, upper: 0.9, tasks: 2, meanScore: 0.85, accuracy: 0.5 },
      { lower: 0.9, upper: 1, tasks: 0, meanScore: null, accuracy: null },
    ];
    const svg = renderReliabilitySvg([{ name: 'a <b>.yaml', colour: '#2563eb', bins }]);
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).toContain('<title>a &lt;b&gt;.yaml: score 0.8-0.9, mean 0.850, accuracy 0.500, 2 tasks</title>');
  });
});
