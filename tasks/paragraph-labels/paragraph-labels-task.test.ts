import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestOptions, createTestTarget } from '../shared/create-test-target';
import { paragraphLabelsTask } from './paragraph-labels-task';

function createObject(details: Partial<ObjectTag> = {}): ObjectTag {
  return createTestObject({ type: 'Paragraphs', name: 'dialogue', value: '$chat', dataField: 'chat', ...details });
}

function createTarget(control: Partial<ControlTag> = {}, objects: ObjectTag[] = [createObject()]): PredictionTarget {
  const options = createTestOptions(['Greeting', 'Complaint']);
  return createTestTarget({ type: 'ParagraphLabels', name: 'topics', toName: ['dialogue'], options, ...control }, objects);
}

describe('paragraphLabelsTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['ParagraphLabels on Paragraphs', createTarget(), true],
    ['with a dialogue layout and other keys', createTarget({}, [createObject({ attributes: { layout: 'dialogue', nameKey: 'who', textKey: 'said' } })]), true],
    ['Labels on Paragraphs', createTarget({ type: 'Labels' }), false],
    ['ParagraphLabels on Text', createTarget({}, [createObject({ type: 'Text' })]), false],
    ['paragraphs loaded from a URL', createTarget({}, [createObject({ attributes: { valueType: 'url' } })]), false],
    ['paragraphs sorted by time (contextScroll)', createTarget({}, [createObject({ attributes: { contextScroll: 'true' } })]), false],
    ['per-region', createTarget({ perRegion: true }), false],
    ['dynamic labels', createTarget({ dynamicOptions: true, options: [] }), false],
    ['no data field', createTarget({}, [createObject({ dataField: null })]), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(paragraphLabelsTask.supports(target)).toBe(supported);
  });
});

describe('paragraphLabelsTask', () => {
  test('names itself and its control type, and does not chunk', () => {
    expect([paragraphLabelsTask.name, paragraphLabelsTask.controlType]).toEqual(['paragraph-labels.v1', 'ParagraphLabels']);
    expect(paragraphLabelsTask.chunking).toBeUndefined();
  });

  test('asks for the paragraph of each mention', () => {
    const instructions = paragraphLabelsTask.instructions(createTarget());
    expect(instructions).toMatch(/^"topics" for <chat> \(a list of paragraphs\): find every mention/);
    expect(instructions).toContain('"paragraph": the position of the paragraph the mention is in, counting from 0');
    expect(instructions).not.toMatch(/\{\w+\}/);
  });

  test('describes the paragraph answer schema', () => {
    expect(paragraphLabelsTask.schema(createTarget())).toMatchObject({ items: { required: ['label', 'paragraph', 'text', 'context'] } });
  });

  test('parses, maps, reports and validates a round trip', () => {
    const target = createTarget();
    const data = { chat: [{ author: 'Ann', text: 'Hello there 👋🏽!' }, { author: 'Bob', text: 'This is broken again.' }] };
    const parsed = paragraphLabelsTask.parse(
      [
        { label: 'greeting', paragraph: 0, text: 'Hello there 👋', context: 'Hello there 👋🏽!' },
        { label: 'Complaint', paragraph: 2, text: 'broken again', context: 'is broken again.' },
        { label: 'Complaint', paragraph: 1, text: 'never works', context: 'never works' },
      ],
      target,
    );
    const value = parsed.status === 'answered' ? parsed.value : null;
    const report = paragraphLabelsTask.reportMapping(value, target, data);
    expect(report.drafts).toEqual([
      {
        from_name: 'topics',
        to_name: 'dialogue',
        type: 'paragraphlabels',
        value: { start: '0', end: '0', startOffset: 0, endOffset: 16, text: 'Hello there 👋🏽', paragraphlabels: ['Greeting'] },
      },
      {
        from_name: 'topics',
        to_name: 'dialogue',
        type: 'paragraphlabels',
        value: { start: '1', end: '1', startOffset: 8, endOffset: 20, text: 'broken again', paragraphlabels: ['Complaint'] },
      },
    ]);
    expect(report.dropped).toEqual(['"never works" (Complaint) is not in paragraph 1 or any other']);
    expect(paragraphLabelsTask.map(value, target, data)).toEqual(report.drafts);
    expect(report.drafts.map((draft) => paragraphLabelsTask.validate(draft, target, data))).toEqual([null, null]);
  });
});
