import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOption } from '../shared/create-test-target';
import { createLabelsSchema, createMentionListSchema, spanLabels } from './create-labels-schema';

function createControl(details: Partial<ControlTag> = {}): ControlTag {
  return createTestControl({
    type: 'Labels',
    name: 'ner',
    options: [createTestOption('Person', { alias: 'PER' }), createTestOption('Location'), createTestOption('Location')],
    ...details,
  });
}

const quote = { type: 'string', description: 'The mention copied character for character from the text.' };
const context = {
  type: 'string',
  description: 'The mention with a few words before and after it, copied exactly from the text; may equal "text".',
};

describe('spanLabels', () => {
  test('result values, distinct, in config order', () => {
    expect(spanLabels(createControl())).toEqual(['PER', 'Location']);
  });
});

describe('createLabelsSchema', () => {
  test.each<[string, Partial<ControlTag>]>([
    ['single label', {}],
    ['multiple labels: still one label per item', { choice: 'multiple' }],
    ['required', { required: true }],
  ])('%s: a list of {label, text, context}', (_case, details) => {
    expect(createLabelsSchema(createControl(details))).toEqual({
      type: 'array',
      description: 'Every mention to label for "ner", in text order; an empty list when none.',
      items: {
        type: 'object',
        properties: { label: { type: 'string', enum: ['PER', 'Location'] }, text: quote, context },
        required: ['label', 'text', 'context'],
        additionalProperties: false,
      },
    });
  });

  test('puts extra keys between label and text, all required', () => {
    const schema = createMentionListSchema(createControl(), { paragraph: { type: 'integer' } });
    expect(schema).toMatchObject({
      items: { required: ['label', 'paragraph', 'text', 'context'], properties: { paragraph: { type: 'integer' } } },
    });
    expect(Object.keys((schema.items as { properties: object }).properties)).toEqual(['label', 'paragraph', 'text', 'context']);
  });

  test('uses only keywords OpenAI strict mode accepts, every object closed and fully required', () => {
    const allowed = new Set(['type', 'enum', 'items', 'description', 'properties', 'required', 'additionalProperties']);
    const problems: string[] = [];
    const check = (schema: Record<string, unknown>): void => {
      for (const key of Object.keys(schema)) if (!allowed.has(key)) problems.push(key);
      if (schema.type === 'object') {
        const properties = schema.properties as Record<string, Record<string, unknown>>;
        if (schema.additionalProperties !== false) problems.push('open object');
        if (JSON.stringify(schema.required) !== JSON.stringify(Object.keys(properties))) problems.push('optional key');
        Object.values(properties).forEach(check);
      }
      if (schema.items) check(schema.items as Record<string, unknown>);
    };
    check(createLabelsSchema(createControl()));
    expect(problems).toEqual([]);
  });
});
