import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestOptions, createTestTarget } from '../shared/create-test-target';
import { hypertextLabelsTask, labelsOnHypertextTask } from './hypertext-labels-task';

function createObject(details: Partial<ObjectTag> = {}): ObjectTag {
  return createTestObject({ type: 'HyperText', name: 'page', value: '$html', dataField: 'html', ...details });
}

function createTarget(control: Partial<ControlTag> = {}, objects: ObjectTag[] = [createObject()]): PredictionTarget {
  const options = createTestOptions(['PER', 'LOC']);
  return createTestTarget({ type: 'HyperTextLabels', name: 'ner', toName: ['page'], options, ...control }, objects);
}

describe('hypertextLabelsTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['HyperTextLabels on HyperText', createTarget(), true],
    ['inline HyperText', createTarget({}, [createObject({ attributes: { inline: 'true' } })]), true],
    ['Labels on HyperText (the other task)', createTarget({ type: 'Labels' }), false],
    ['HyperTextLabels on Text', createTarget({}, [createObject({ type: 'Text' })]), false],
    ['HTML loaded from a URL', createTarget({}, [createObject({ attributes: { valueType: 'url' } })]), false],
    ['base64 HTML', createTarget({}, [createObject({ attributes: { encoding: 'base64unicode' } })]), false],
    ['per-region', createTarget({ perRegion: true }), false],
    ['dynamic labels', createTarget({ dynamicOptions: true, options: [] }), false],
    ['two objects', createTarget({}, [createObject(), createObject({ name: 'other' })]), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(hypertextLabelsTask.supports(target)).toBe(supported);
  });

  test('the Labels task supports Labels on HyperText only', () => {
    expect(labelsOnHypertextTask.supports(createTarget({ type: 'Labels' }))).toBe(true);
    expect(labelsOnHypertextTask.supports(createTarget())).toBe(false);
    expect(labelsOnHypertextTask.supports(createTarget({ type: 'Labels' }, [createObject({ type: 'Text' })]))).toBe(false);
  });
});

describe('hypertextLabelsTask', () => {
  test('names itself and its control types', () => {
    expect([hypertextLabelsTask.name, hypertextLabelsTask.controlType]).toEqual(['hypertext-labels.v1', 'HyperTextLabels']);
    expect([labelsOnHypertextTask.name, labelsOnHypertextTask.controlType]).toEqual(['labels-on-hypertext.v1', 'Labels']);
    expect(hypertextLabelsTask.chunking).toBeUndefined();
  });

  test('asks for the shown text of the HTML', () => {
    const instructions = hypertextLabelsTask.instructions(createTarget());
    expect(instructions).toMatch(/^"ner" for <html> \(HTML\): find every mention/);
    expect(instructions).toContain('without HTML tags');
    expect(instructions).toContain('  - PER\n  - LOC');
    expect(instructions).not.toMatch(/\{\w+\}/);
  });

  test('parses, maps, reports and validates a round trip', () => {
    const target = createTarget();
    const data = { html: '<p>🐱 Barack <b>Obama</b> visited <i>Paris</i>.</p>' };
    const parsed = hypertextLabelsTask.parse(
      [
        { label: 'PER', text: 'Barack Obama', context: 'Barack Obama visited' },
        { label: 'LOC', text: 'Paris', context: 'visited Paris.' },
        { label: 'LOC', text: 'London', context: 'London' },
      ],
      target,
    );
    const value = parsed.status === 'answered' ? parsed.value : null;
    const report = hypertextLabelsTask.reportMapping(value, target, data);
    expect(report.drafts.map((draft) => draft.value)).toEqual([
      { start: '/p[1]/text()[1]', end: '/p[1]/b[1]/text()[1]', startOffset: 3, endOffset: 5, text: 'Barack Obama', hypertextlabels: ['PER'] },
      { start: '/p[1]/i[1]/text()[1]', end: '/p[1]/i[1]/text()[1]', startOffset: 0, endOffset: 5, text: 'Paris', hypertextlabels: ['LOC'] },
    ]);
    expect(report.dropped).toEqual(['"London" (LOC) is not in the text']);
    expect(hypertextLabelsTask.map(value, target, data)).toEqual(report.drafts);
    expect(report.drafts.map((draft) => hypertextLabelsTask.validate(draft, target, data))).toEqual([null, null]);
  });

  test('Labels on HyperText round trip gives labels results', () => {
    const target = createTarget({ type: 'Labels' });
    const data = { html: '<p>Paris</p>' };
    const parsed = labelsOnHypertextTask.parse([{ label: 'LOC', text: 'Paris', context: 'Paris' }], target);
    const drafts = labelsOnHypertextTask.map(parsed.status === 'answered' ? parsed.value : null, target, data);
    expect(drafts).toEqual([
      {
        from_name: 'ner',
        to_name: 'page',
        type: 'labels',
        value: { start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 5, text: 'Paris', labels: ['LOC'] },
      },
    ]);
    const [draft] = drafts;
    expect(draft && labelsOnHypertextTask.validate(draft, target, data)).toBeNull();
  });

  test('describes the same answer schema as labels.v1', () => {
    expect(hypertextLabelsTask.schema(createTarget())).toMatchObject({ type: 'array', items: { required: ['label', 'text', 'context'] } });
  });
});
