import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import { createTestObject, createTestTarget } from '../shared/create-test-target';
import { createDateTimeInstructions, dateTimeTask, supportsDateTime } from './datetime-task';

const CURRENT_YEAR = 2025;

function createTarget(control: Partial<ControlTag> = {}, objects?: ObjectTag[]): PredictionTarget {
  return createTestTarget({ type: 'DateTime', name: 'when', ...control }, objects);
}

describe('supportsDateTime', () => {
  test.each<[string, PredictionTarget, boolean]>([
    ['DateTime on Text', createTarget(), true],
    ['DateTime on HyperText', createTarget({}, [createTestObject({ type: 'HyperText' })]), true],
    ['DateTime on Paragraphs', createTarget({}, [createTestObject({ type: 'Paragraphs' })]), true],
    ['only date', createTarget({ attributes: { only: 'date' } }), true],
    ['only month and year', createTarget({ attributes: { only: 'month,year' } }), true],
    ['a custom format', createTarget({ attributes: { format: '%d/%m/%Y' } }), false],
    ['time with a year', createTarget({ attributes: { only: 'time,year' } }), false],
    ['an empty year drop-down', createTarget({ attributes: { only: 'year', min: '2030' } }), false],
    ['another control type', createTarget({ type: 'Number' }), false],
    ['per-region DateTime', createTarget({ perRegion: true }), false],
    ['an Image object', createTarget({}, [createTestObject({ type: 'Image' })]), false],
    ['a literal text object', createTarget({}, [createTestObject({ value: 'Read this', dataField: null })]), false],
    ['no objects', createTarget({}, []), false],
  ])('%s → %s', (_case, target, supported) => {
    expect(supportsDateTime(target, CURRENT_YEAR)).toBe(supported);
  });

  test('the task supports with the current year', () => {
    expect(dateTimeTask.supports(createTarget({ attributes: { only: 'year', max: 'current' } }))).toBe(true);
  });
});

describe('createDateTimeInstructions', () => {
  test('optional date with bounds and a hint', () => {
    const target = createTarget({ attributes: { only: 'date', min: '2020-01-01', max: '2025-12-31', hint: 'When the  contract\nwas signed' } });
    expect(createDateTimeInstructions(target, CURRENT_YEAR)).toBe(
      [
        '"when" for <text>: give a date, not before 2020-01-01, not after 2025-12-31.',
        '  Hint: When the contract was signed',
        '  Write it as YYYY-MM-DD, for example 2024-01-15, with leading zeros and no time zone. If the task data does not state one, answer null.',
      ].join('\n'),
    );
  });

  test.each<[string, Partial<ControlTag>, string[]]>([
    ['date and time, required', { required: true }, ['give a date and time.', 'YYYY-MM-DDTHH:MM, for example 2024-01-15T14:30', 'Always give your best estimate.']],
    ['time', { attributes: { only: 'time' } }, ['give a time of day (24-hour clock).', 'HH:MM']],
    ['month and year', { attributes: { only: 'month,year' } }, ['give a month, a year from 2000 to 2025.', 'YYYY-MM']],
    ['year', { attributes: { only: 'year', min: '1990' } }, ['give a year, not before 1990, a year from 1990 to 2025.', 'YYYY, for example 2024']],
  ])('%s', (_case, control, phrases) => {
    const instructions = createDateTimeInstructions(createTarget(control), CURRENT_YEAR);
    for (const phrase of phrases) expect(instructions).toContain(phrase);
    expect(instructions).not.toMatch(/\{\w+\}/);
  });
});

describe('dateTimeTask wiring', () => {
  test('parses, maps and validates a round trip', () => {
    const target = createTarget({ attributes: { only: 'month,year', min: '2000', max: '2100' } });
    const parsed = dateTimeTask.parse('2024-3', target);
    expect(parsed).toEqual({ status: 'answered', value: '2024-03-01' });
    const drafts = dateTimeTask.map(parsed.status === 'answered' ? parsed.value : null, target, {});
    expect(drafts).toEqual([{ from_name: 'when', to_name: 'text', type: 'datetime', value: { datetime: '2024-03-01' } }]);
    expect(drafts.map((draft) => dateTimeTask.validate(draft, target, {}))).toEqual([null]);
  });

  test('describes the answer schema of the control', () => {
    expect(dateTimeTask.schema(createTarget({ required: true, attributes: { only: 'date' } }))).toMatchObject({
      type: 'string',
      pattern: expect.any(String),
    });
  });

  test('is named datetime.v1 and fills DateTime', () => {
    expect(dateTimeTask.name).toBe('datetime.v1');
    expect(dateTimeTask.controlType).toBe('DateTime');
  });
});
