import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { MAX_TEXT_LENGTH } from './create-textarea-schema';
import { validateTextAreaResult } from './validate-textarea-result';

function createControl(attributes: Record<string, string> = {}): ControlTag {
  return createTestControl({ type: 'TextArea', name: 'summary', attributes });
}

function createDraft(value: Record<string, unknown>, type = 'textarea'): ResultDraft {
  return { from_name: 'summary', to_name: 'text', type, value };
}

const single = createControl();
const multiline = createControl({ rows: '3' });
const several = createControl({ maxSubmissions: '2' });
const uniqueTexts = createControl({ skipDuplicates: 'true' });

describe('validateTextAreaResult', () => {
  test.each<[string, ControlTag, ResultDraft]>([
    ['one text', single, createDraft({ text: ['A summary.'] })],
    ['a multi-line text for rows > 1', multiline, createDraft({ text: ['One\nTwo'] })],
    ['maxSubmissions texts', several, createDraft({ text: ['One', 'Two'] })],
    ['several texts without maxSubmissions (Label Studio allows any number)', single, createDraft({ text: ['One', 'Two', 'Three'] })],
    ['repeated texts without skipDuplicates', single, createDraft({ text: ['One', 'One'] })],
    ['the longest allowed text', single, createDraft({ text: ['x'.repeat(MAX_TEXT_LENGTH)] })],
  ])('accepts %s', (_case, control, draft) => {
    expect(validateTextAreaResult(draft, control)).toBeNull();
  });

  test.each<[string, ControlTag, ResultDraft, RegExp]>([
    ['another type', single, createDraft({ text: ['A'] }, 'choices'), /type is "choices", expected "textarea"/],
    ['no text key', single, createDraft({ choices: ['A'] }), /non-empty list of texts/],
    ['a bare string', single, createDraft({ text: 'A summary.' }), /non-empty list of texts/],
    ['an empty list', single, createDraft({ text: [] }), /non-empty list of texts/],
    ['a number', single, createDraft({ text: [42] }), /a text is a number, not a string/],
    ['null', single, createDraft({ text: [null] }), /a text is null, not a string/],
    ['a nested list', single, createDraft({ text: [['A']] }), /a text is a list, not a string/],
    ['an object', single, createDraft({ text: [{ __proto__: 'A' }] }), /a text is an object, not a string/],
    ['a blank text', single, createDraft({ text: ['  '] }), /a text is blank/],
    ['an overlong text', single, createDraft({ text: ['x'.repeat(MAX_TEXT_LENGTH + 1)] }), /more than the 10000 allowed/],
    ['a line break in a one-line input', single, createDraft({ text: ['One\nTwo'] }), /"One\\nTwo" has a line break, which the one-line input of "summary" \(rows 1\) drops/],
    ['more texts than maxSubmissions', several, createDraft({ text: ['1', '2', '3'] }), /3 texts, more than maxSubmissions \(2\)/],
    ['a repeat under skipDuplicates', uniqueTexts, createDraft({ text: ['One', 'ONE'] }), /repeats a text, which skipDuplicates forbids/],
  ])('rejects %s', (_case, control, draft, reason) => {
    expect(validateTextAreaResult(draft, control)).toMatch(reason);
  });
});
