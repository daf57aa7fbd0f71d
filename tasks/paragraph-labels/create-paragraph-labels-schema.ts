import type { JsonSchema } from '../../core/spec/language-model';
import type { ControlTag } from '../../core/spec/label-config';
import { createMentionListSchema } from '../spans/create-labels-schema';

const PARAGRAPH_DESCRIPTION = 'The position of the paragraph the mention is in, counting from 0 in the order given.';

/** The answer schema of one ParagraphLabels control: `[{label, paragraph, text, context}]`. */
export function createParagraphLabelsSchema(control: ControlTag): JsonSchema {
  return createMentionListSchema(control, { paragraph: { type: 'integer', description: PARAGRAPH_DESCRIPTION } });
}
