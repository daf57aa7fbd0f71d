import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl } from '../shared/create-test-target';
import { createTextAreaSchema, isSingleLine, readMaxSubmissions, textLimit } from './create-textarea-schema';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({ type: 'TextArea', name: 'summary', ...details });
}

describe('createTextAreaSchema', () => {
  test.each<[string, Partial<ControlTag>, Record<string, unknown>]>([
    [
      'one text, optional: a string or null',
      {},
      {
        anyOf: [{ type: 'string' }, { type: 'null' }],
        description: 'The text for "summary", or null when the task data gives nothing to write.',
      },
    ],
    ['one text, required: a string', { required: true }, { type: 'string', description: 'The text for "summary".' }],
    ['maxSubmissions 1: one text', { attributes: { maxSubmissions: '1' } }, { anyOf: [{ type: 'string' }, { type: 'null' }] }],
    [
      'maxSubmissions 3, optional: a list of strings',
      { attributes: { maxSubmissions: '3' } },
      {
        type: 'array',
        items: { type: 'string' },
        description: 'Up to 3 texts for "summary"; an empty list when the task data gives nothing to write.',
      },
    ],
    [
      'maxSubmissions 3, required',
      { required: true, attributes: { maxSubmissions: '3' } },
      { type: 'array', items: { type: 'string' }, description: 'Up to 3 texts for "summary", at least one.' },
    ],
  ])('%s', (_case, details, schema) => {
    expect(createTextAreaSchema(createControl(details))).toMatchObject(schema);
  });

  test('uses only keywords OpenAI strict mode accepts', () => {
    const allowed = new Set(['type', 'anyOf', 'items', 'description']);
    for (const attributes of [{}, { maxSubmissions: '4' }] as Array<Record<string, string>>) {
      const schema = createTextAreaSchema(createControl({ attributes }));
      const keywords = JSON.stringify(schema).match(/"(\w+)":/g)?.map((key) => key.slice(1, -2)) ?? [];
      expect(keywords.filter((key) => !allowed.has(key))).toEqual([]);
    }
  });
});

describe('TextArea attributes', () => {
  test.each<[Record<string, string>, number | undefined, number]>([
    [{}, undefined, 1],
    [{ maxSubmissions: '1' }, 1, 1],
    [{ maxSubmissions: '5' }, 5, 5],
    [{ maxsubmissions: '2' }, 2, 2],
    [{ maxSubmissions: '3 texts' }, 3, 3],
    [{ maxSubmissions: '  ' }, undefined, 1],
  ])('%j → maxSubmissions %s, asks for %s', (attributes, maxSubmissions, limit) => {
    const control = createControl({ attributes });
    expect(readMaxSubmissions(control)).toBe(maxSubmissions);
    expect(textLimit(control)).toBe(limit);
  });

  test('unreadable maxSubmissions is NaN', () => {
    expect(readMaxSubmissions(createControl({ attributes: { maxSubmissions: 'many' } }))).toBeNaN();
  });

  test.each<[Record<string, string>, boolean]>([
    [{}, true],
    [{ rows: '1' }, true],
    [{ rows: '0' }, true],
    [{ rows: 'x' }, true],
    [{ rows: '2' }, false],
    [{ ROWS: '5' }, false],
  ])('%j → single line: %s', (attributes, singleLine) => {
    expect(isSingleLine(createControl({ attributes }))).toBe(singleLine);
  });
});
