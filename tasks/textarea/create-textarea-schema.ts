import type { JsonSchema } from '../../core/spec/language-model';
import type { ControlTag } from '../../core/spec/label-config';
import { readControlAttribute } from '../shared/read-control-attribute';

/** The most characters (code points) one text may have; longer answers are runaway output, not annotations. */
export const MAX_TEXT_LENGTH = 10_000;

/** `maxSubmissions` as Label Studio reads it (`parseInt`): undefined when absent, NaN when unreadable. */
export function readMaxSubmissions(control: ControlTag): number | undefined {
  const maxSubmissions = readControlAttribute(control, 'maxSubmissions');
  return maxSubmissions === undefined ? undefined : Number.parseInt(maxSubmissions, 10);
}

/** How many texts prelabel writes: up to `maxSubmissions`, one when it is not set. */
export function textLimit(control: ControlTag): number {
  return readMaxSubmissions(control) ?? 1;
}

/** With `rows` 1 (the default) Label Studio shows each text in a one-line input, which drops line breaks. */
export function isSingleLine(control: ControlTag): boolean {
  return !(Number.parseInt(readControlAttribute(control, 'rows') ?? '1', 10) > 1);
}

/** `skipDuplicates="true"`: Label Studio refuses a text equal to an earlier one, ignoring case. */
export function skipsDuplicates(control: ControlTag): boolean {
  return readControlAttribute(control, 'skipDuplicates') === 'true';
}

function describeTextAreaAnswer(control: ControlTag, limit: number): string {
  const name = JSON.stringify(control.name);
  if (limit > 1) {
    return control.required
      ? `Up to ${limit} texts for ${name}, at least one.`
      : `Up to ${limit} texts for ${name}; an empty list when the task data gives nothing to write.`;
  }
  return control.required
    ? `The text for ${name}.`
    : `The text for ${name}, or null when the task data gives nothing to write.`;
}

/** The answer schema of one TextArea control, valid for OpenAI strict structured output. */
export function createTextAreaSchema(control: ControlTag): JsonSchema {
  const limit = textLimit(control);
  const description = describeTextAreaAnswer(control, limit);
  if (limit > 1) return { type: 'array', items: { type: 'string' }, description };
  if (control.required) return { type: 'string', description };
  return { anyOf: [{ type: 'string' }, { type: 'null' }], description };
}
