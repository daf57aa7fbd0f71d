import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { validateDateTimeResult } from './validate-datetime-result';

const CURRENT_YEAR = 2025;

function createControl(attributes: Record<string, string> = {}): ControlTag {
  return createTestControl({ type: 'DateTime', name: 'when', attributes });
}

function createDraft(value: Record<string, unknown>, type = 'datetime'): ResultDraft {
  return { from_name: 'when', to_name: 'text', type, value };
}

const dateTime = createControl();
const dateOnly = createControl({ only: 'date', max: '2025-12-31' });
const timeOnly = createControl({ only: 'time' });
const yearOnly = createControl({ only: 'year' });

describe('validateDateTimeResult', () => {
  test.each<[string, ControlTag, ResultDraft]>([
    ['date and time', dateTime, createDraft({ datetime: '2024-01-15T10:30' })],
    ['a date', dateOnly, createDraft({ datetime: '2025-12-31' })],
    ['a time', timeOnly, createDraft({ datetime: '00:00' })],
    ['a month as its first day', createControl({ only: 'month,year' }), createDraft({ datetime: '2024-03-01' })],
    ['a month as any day (Label Studio shows the month)', createControl({ only: 'month' }), createDraft({ datetime: '2024-03-17' })],
    ['a year as its first day', yearOnly, createDraft({ datetime: '2024-01-01' })],
  ])('accepts %s', (_case, control, draft) => {
    expect(validateDateTimeResult(draft, control, CURRENT_YEAR)).toBeNull();
  });

  test.each<[string, ControlTag, ResultDraft, RegExp]>([
    ['another type', dateTime, createDraft({ datetime: '2024-01-15T10:30' }, 'date'), /type is "date", expected "datetime"/],
    ['no datetime key', dateTime, createDraft({ date: '2024-01-15' }), /value.datetime is undefined, not a string/],
    ['a number', yearOnly, createDraft({ datetime: 2024 }), /value.datetime is a number, not a string/],
    ['null', dateTime, createDraft({ datetime: null }), /value.datetime is null/],
    ['a list', dateTime, createDraft({ datetime: ['2024-01-15T10:30'] }), /value.datetime is a list/],
    ['an object', dateTime, createDraft({ datetime: { __proto__: '2024' } }), /value.datetime is an object/],
    ['a date for a date-time control', dateTime, createDraft({ datetime: '2024-01-15' }), /"2024-01-15" is not written as YYYY-MM-DDTHH:MM/],
    ['a space for T', dateTime, createDraft({ datetime: '2024-01-15 10:30' }), /is not written as YYYY-MM-DDTHH:MM/],
    ['a bare year (Label Studio cannot load it)', yearOnly, createDraft({ datetime: '2024' }), /"2024" is not written as YYYY-MM-DD/],
    ['a bare month (Label Studio cannot load it)', createControl({ only: 'month' }), createDraft({ datetime: '2024-03' }), /is not written as YYYY-MM-DD/],
    ['seconds on a time', timeOnly, createDraft({ datetime: '10:30:00' }), /is not written as HH:MM/],
    ['an impossible date', dateOnly, createDraft({ datetime: '2023-02-29' }), /2023-02-29 is not a date on the calendar/],
    ['an impossible time', timeOnly, createDraft({ datetime: '25:00' }), /25:00 is not a time of day/],
    ['an impossible time in a date-time', dateTime, createDraft({ datetime: '2024-01-15T10:75' }), /10:75 is not a time of day/],
    ['after max', dateOnly, createDraft({ datetime: '2026-01-01' }), /2026-01-01 is after max 2025-12-31/],
    ['a year beyond the drop-down', yearOnly, createDraft({ datetime: '2026-01-01' }), /offers 2000 to 2025, not 2026/],
    ['an unsupported control', createControl({ format: '%Y' }), createDraft({ datetime: '2024' }), /prelabel cannot fill/],
  ])('rejects %s', (_case, control, draft, reason) => {
    expect(validateDateTimeResult(draft, control, CURRENT_YEAR)).toMatch(reason);
  });
});
