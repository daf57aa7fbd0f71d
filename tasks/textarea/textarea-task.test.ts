import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { textAreaTask } from './textarea-task';

function createTarget(control: Partial<ControlTag> = {}, objects?: ObjectTag[]): PredictionTarget {
  return createTestTarget({ type: 'TextArea', name: 'summary', ...control }, objects);
}

describe('textAreaTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['TextArea on Text', createTarget(), true],
    ['TextArea on HyperText', createTarget({}, [createTestObject({ type: 'HyperText' })]), true],
    ['TextArea on Paragraphs', createTarget({}, [createTestObject({ type: 'Paragraphs' })]), true],
    ['TextArea on two text objects', createTarget({}, [createTestObject(), createTestObject({ name: 'title' })]), true],
    ['pre-filled from task data', createTarget({ dynamicOptions: true, attributes: { value: '$draft' } }), true],
    ['maxSubmissions 3', createTarget({ attributes: { maxSubmissions: '3' } }), true],
    ['a name merely containing "prompt"', createTarget({ name: 'summary_prompt' }), true],
    ['maxSubmissions 0', createTarget({ attributes: { maxSubmissions: '0' } }), false],
    ['unreadable maxSubmissions', createTarget({ attributes: { maxSubmissions: 'many' } }), false],
    ['another control type', createTarget({ type: 'Choices' }), false],
    ['per-region TextArea', createTarget({ perRegion: true }), false],
    ['an Image object (for vision models)', createTarget({}, [createTestObject({ type: 'Image' })]), true],
    ['an Audio object', createTarget({}, [createTestObject({ type: 'Audio' })]), false],
    ['a literal text object', createTarget({}, [createTestObject({ value: 'Read this', dataField: null })]), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(textAreaTask.supports(target)).toBe(supported);
  });
});

describe('textAreaTask.instructions', () => {
  test('one optional text with a hint and a placeholder', () => {
    const target = createTarget({ attributes: { hint: 'Two  sentences\nat most', placeholder: 'Summary…' } });
    expect(textAreaTask.instructions(target)).toBe(
      [
        '"summary" for <text>: write one text.',
        '  Hint: Two sentences at most',
        '  Placeholder shown to annotators: "Summary…"',
        '  Keep each text on one line. If the task data gives nothing to write, answer null.',
      ].join('\n'),
    );
  });

  test.each<[string, Partial<ControlTag>, string[]]>([
    ['one text, required', { required: true }, ['write one text.', 'Always write a text.']],
    ['rows > 1', { attributes: { rows: '5' } }, ['Line breaks are allowed.']],
    ['several, optional', { attributes: { maxSubmissions: '3' } }, ['up to 3 separate texts', 'answer an empty list.']],
    ['several, required', { required: true, attributes: { maxSubmissions: '3' } }, ['Write at least one text.']],
  ])('%s', (_case, control, phrases) => {
    const instructions = textAreaTask.instructions(createTarget(control));
    for (const phrase of phrases) expect(instructions).toContain(phrase);
    expect(instructions).not.toMatch(/\{\w+\}/);
  });

  test('leaves braces in the placeholder as written', () => {
    expect(textAreaTask.instructions(createTarget({ attributes: { placeholder: '{absenceRule}' } }))).toContain(
      '"{absenceRule}"',
    );
  });
});

describe('textAreaTask wiring', () => {
  test('parses, maps and validates a round trip', () => {
    const target = createTarget({ attributes: { maxSubmissions: '2' } });
    const parsed = textAreaTask.parse([' First idea ', 'Second idea'], target);
    expect(parsed).toEqual({ status: 'answered', value: ['First idea', 'Second idea'] });
    const drafts = textAreaTask.map(parsed.status === 'answered' ? parsed.value : null, target, {});
    expect(drafts).toEqual([
      { from_name: 'summary', to_name: 'text', type: 'textarea', value: { text: ['First idea', 'Second idea'] } },
    ]);
    expect(drafts.map((draft) => textAreaTask.validate(draft, target, {}))).toEqual([null]);
  });

  test('describes the answer schema of the control', () => {
    expect(textAreaTask.schema(createTarget({ required: true }))).toMatchObject({ type: 'string' });
  });

  test('is named textarea.v1 and fills TextArea', () => {
    expect(textAreaTask.name).toBe('textarea.v1');
    expect(textAreaTask.controlType).toBe('TextArea');
  });
});
