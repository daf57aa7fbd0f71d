import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { mapTextAreaResult } from './map-textarea-result';

function createObject(name: string): ObjectTag {
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {} };
}

function createTarget(objectNames: string[]): PredictionTarget {
  const control: ControlTag = {
    type: 'TextArea',
    name: 'summary',
    toName: objectNames,
    choice: 'single',
    required: false,
    options: [],
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
  };
  return { control, objects: objectNames.map(createObject) };
}

describe('mapTextAreaResult', () => {
  test.each<[string, string[], unknown, string, unknown[]]>([
    ['one text', ['text'], ['A summary.'], 'text', ['A summary.']],
    ['several texts', ['text'], ['One', 'Two'], 'text', ['One', 'Two']],
    ['the first of several objects', ['title', 'body'], ['A summary.'], 'title', ['A summary.']],
    ['a bare string is wrapped', ['text'], 'A summary.', 'text', ['A summary.']],
    ['garbage is passed on for validation to reject', ['text'], { text: 1 }, 'text', [{ text: 1 }]],
  ])('%s', (_case, objectNames, value, toName, text) => {
    expect(mapTextAreaResult(value, createTarget(objectNames))).toEqual([
      { from_name: 'summary', to_name: toName, type: 'textarea', value: { text } },
    ]);
  });

  test('copies the texts rather than sharing the parsed list', () => {
    const texts = ['A summary.'];
    const [draft] = mapTextAreaResult(texts, createTarget(['text']));
    expect(draft?.value.text).not.toBe(texts);
  });
});
