import type { JsonSchema } from '../../core/spec/language-model';
import type { ControlTag } from '../../core/spec/label-config';

/** The labels a span control stores in results (`alias` if set, else `value`), distinct, in config order. */
export function spanLabels(control: ControlTag): string[] {
  return [...new Set(control.options.map((option) => option.resultValue))];
}

const QUOTE_DESCRIPTION = 'The mention copied character for character from the text.';
const CONTEXT_DESCRIPTION =
  'The mention with a few words before and after it, copied exactly from the text; may equal "text".';

/**
 * A list of mentions, one object per mention with every key required and nothing else (OpenAI strict mode).
 * `between` adds keys after `label`, e.g. the paragraph a mention is in.
 */
export function createMentionListSchema(
  control: ControlTag,
  between: Record<string, JsonSchema> = {},
): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    label: { type: 'string', enum: spanLabels(control) },
    ...between,
    text: { type: 'string', description: QUOTE_DESCRIPTION },
    context: { type: 'string', description: CONTEXT_DESCRIPTION },
  };
  return {
    type: 'array',
    description: `Every mention to label for ${JSON.stringify(control.name)}, in text order; an empty list when none.`,
    items: { type: 'object', properties, required: Object.keys(properties), additionalProperties: false },
  };
}

/** The answer schema of one Labels control on a text: `[{label, text, context}]`. */
export function createLabelsSchema(control: ControlTag): JsonSchema {
  return createMentionListSchema(control);
}
