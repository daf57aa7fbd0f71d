import type { LabelStudioResult } from '../spec/label-studio';
import { readSpans } from './read-spans';

function result(type: string, value: Record<string, unknown>): LabelStudioResult {
  return { id: 'r', from_name: 'ner', to_name: 'text', type, value };
}

describe('readSpans', () => {
  it.each([
    [
      'a Labels result on a Text: code points',
      result('labels', { start: 10, end: 15, text: 'Obama', labels: ['Person'] }),
      [{ label: 'Person', key: '[10,null,15,null]', start: [10], end: [15] }],
    ],
    [
      'one span per label',
      result('labels', { start: 0, end: 3, labels: ['A', 'B'] }),
      [
        { label: 'A', key: '[0,null,3,null]', start: [0], end: [3] },
        { label: 'B', key: '[0,null,3,null]', start: [0], end: [3] },
      ],
    ],
    [
      'a ParagraphLabels result: paragraph, then offset',
      result('paragraphlabels', { start: 3, end: 5, startOffset: 2, endOffset: 81, paragraphlabels: ['Car'] }),
      [{ label: 'Car', key: '[3,2,5,81]', start: [3, 2], end: [5, 81] }],
    ],
    [
      'a HyperTextLabels result without the HTML: identified by its XPaths only',
      result('hypertextlabels', { start: '/p[1]/text()[1]', end: '/p[2]/text()[1]', startOffset: 2, endOffset: 4, hypertextlabels: ['Car'] }),
      [{ label: 'Car', key: '["/p[1]/text()[1]",2,"/p[2]/text()[1]",4]', start: null, end: null }],
    ],
    ['a result without labels', result('labels', { start: 0, end: 3 }), []],
  ])('%s', (_case, input, expected) => {
    expect(readSpans([input])).toEqual(expected);
  });

  it('places HyperText spans by the document order of their text nodes', () => {
    const order = new Map([
      ['/p[1]/text()[1]', 0],
      ['/p[2]/text()[1]', 1],
    ]);
    const spans = readSpans(
      [result('hypertextlabels', { start: '/p[1]/text()[1]', end: '/p[2]/text()[1]', startOffset: 2, endOffset: 4, hypertextlabels: ['Car'] })],
      (xpath) => order.get(xpath),
    );
    expect(spans).toEqual([{ label: 'Car', key: '["/p[1]/text()[1]",2,"/p[2]/text()[1]",4]', start: [0, 2], end: [1, 4] }]);
  });
});
