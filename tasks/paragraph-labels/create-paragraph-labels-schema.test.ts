import type { ControlOption, ControlTag } from '../../core/label-config';
import { createParagraphLabelsSchema } from './create-paragraph-labels-schema';

function createOption(value: string): ControlOption {
  return { value, resultValue: value, attributes: {}, children: [] };
}

const control: ControlTag = {
  type: 'ParagraphLabels',
  name: 'topics',
  toName: ['dialogue'],
  choice: 'single',
  required: false,
  options: ['Greeting', 'Complaint'].map(createOption),
  dynamicOptions: false,
  perRegion: false,
  attributes: {},
};

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
