import { createTestControl, createTestOptions } from '../shared/create-test-target';
import { createParagraphLabelsSchema } from './create-paragraph-labels-schema';

const control = createTestControl({
  type: 'ParagraphLabels',
  name: 'topics',
  toName: ['dialogue'],
  options: createTestOptions(['Greeting', 'Complaint']),
});

describe('createParagraphLabelsSchema', () => {
  test('a list of {label, paragraph, text, context}, all required, closed', () => {
    expect(createParagraphLabelsSchema(control)).toEqual({
      type: 'array',
      description: 'Every mention to label for "topics", in text order; an empty list when none.',
      items: {
        type: 'object',
        properties: {
          label: { type: 'string', enum: ['Greeting', 'Complaint'] },
          paragraph: { type: 'integer', description: 'The position of the paragraph the mention is in, counting from 0 in the order given.' },
          text: { type: 'string', description: 'The mention copied character for character from the text.' },
          context: {
            type: 'string',
            description: 'The mention with a few words before and after it, copied exactly from the text; may equal "text".',
          },
        },
        required: ['label', 'paragraph', 'text', 'context'],
        additionalProperties: false,
      },
    });
  });
});
