import type { JsonSchema } from '../spec/language-model';
import type { PromptTarget } from '../spec/stages';

/** The schema of a whole answer: one required key per target control, nothing else (OpenAI strict mode rules). */
export function createAnswerSchema(targets: PromptTarget[]): JsonSchema {
  // Object.fromEntries defines own properties: a control named `__proto__` is a key like any other.
  const properties: Record<string, JsonSchema> = Object.fromEntries(targets.map((target) => [target.control.name, target.task.schema(target)]));
  return {
    type: 'object',
    properties,
    required: targets.map((target) => target.control.name),
    additionalProperties: false,
  };
}
