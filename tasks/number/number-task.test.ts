import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { numberTask } from './number-task';

function createTarget(control: Partial<ControlTag> = {}, objects?: ObjectTag[]): PredictionTarget {
  return createTestTarget({ type: 'Number', name: 'price', ...control }, objects);
}

describe('numberTask.supports', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['Number on Text', createTarget(), true],
    ['Number on HyperText', createTarget({}, [createTestObject({ type: 'HyperText' })]), true],
    ['Number on Paragraphs', createTarget({}, [createTestObject({ type: 'Paragraphs' })]), true],
    ['with min, max and step', createTarget({ attributes: { min: '0', max: '5', step: '0.5' } }), true],
    ['min above max', createTarget({ attributes: { min: '5', max: '0' } }), false],
    ['a non-numeric step', createTarget({ attributes: { step: 'any' } }), false],
    ['another control type', createTarget({ type: 'Rating' }), false],
    ['per-region Number', createTarget({ perRegion: true }), false],
    ['an Image object (for vision models)', createTarget({}, [createTestObject({ type: 'Image' })]), true],
    ['an Audio object', createTarget({}, [createTestObject({ type: 'Audio' })]), false],
    ['a literal text object', createTarget({}, [createTestObject({ value: 'Read this', dataField: null })]), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(numberTask.supports(target)).toBe(supported);
  });
});

describe('numberTask.instructions', () => {
  test('optional number with constraints and a hint', () => {
    const target = createTarget({ attributes: { min: '0', max: '10', step: '0.5', hint: 'Price  in\nEUR' } });
    expect(numberTask.instructions(target)).toBe(
      [
        '"price" for <text>: answer a number from 0 to 10 in steps of 0.5 counted from 0.',
        '  Hint: Price in EUR',
        '  Write it as a plain JSON number, without units or thousands separators. If the task data gives no such number, answer null.',
      ].join('\n'),
    );
  });

  test.each<[string, Partial<ControlTag>, string[]]>([
    ['unconstrained', {}, ['"price" for <text>: answer a number.']],
    ['whole numbers, required', { required: true, attributes: { step: '1' } }, ['answer a whole number in steps of 1', 'Always give your best estimate.']],
  ])('%s', (_case, control, phrases) => {
    const instructions = numberTask.instructions(createTarget(control));
    for (const phrase of phrases) expect(instructions).toContain(phrase);
    expect(instructions).not.toMatch(/\{\w+\}/);
  });
});

describe('numberTask wiring', () => {
  test('parses, maps and validates a round trip', () => {
    const target = createTarget({ attributes: { min: '0', step: '0.25' } });
    const parsed = numberTask.parse('"3.75"', target);
    expect(parsed).toEqual({ status: 'answered', value: 3.75 });
    const drafts = numberTask.map(parsed.status === 'answered' ? parsed.value : null, target, {});
    expect(drafts).toEqual([{ from_name: 'price', to_name: 'text', type: 'number', value: { number: 3.75 } }]);
    expect(drafts.map((draft) => numberTask.validate(draft, target, {}))).toEqual([null]);
  });

  test('describes the answer schema of the control', () => {
    expect(numberTask.schema(createTarget({ required: true }))).toMatchObject({ type: 'number' });
  });

  test('is named number.v1 and fills Number', () => {
    expect(numberTask.name).toBe('number.v1');
    expect(numberTask.controlType).toBe('Number');
  });
});
