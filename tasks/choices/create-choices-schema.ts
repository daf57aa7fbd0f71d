import type { JsonSchema } from '../../core/spec/language-model';
import type { ControlTag } from '../../core/spec/label-config';

export function choicesLabels(control: ControlTag): string[] {
  return [...new Set(control.options.map((option) => option.resultValue))];
}

function describeChoicesAnswer(control: ControlTag): string {
  const name = JSON.stringify(control.name);
  if (control.choice === 'multiple') {
    return control.required
      ? `Every label that applies for ${name}, at least one.`
      : `Every label that applies for ${name}; an empty list when none applies.`;
  }
  return control.required
    ? `Exactly one label for ${name}.`
    : `One label for ${name}, or null when none applies.`;
}

/** The answer schema of one Choices control, valid for OpenAI strict structured output. */
export function createChoicesSchema(control: ControlTag): JsonSchema {
  const label = { type: 'string', enum: choicesLabels(control) };
  const description = describeChoicesAnswer(control);
  if (control.choice === 'multiple') return { type: 'array', items: label, description };
  if (control.required) return { ...label, description };
  return { anyOf: [label, { type: 'null' }], description };
}
