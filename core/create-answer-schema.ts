import type { JsonSchema } from './language-model';
import type { PromptTarget } from './stages';

/** The schema of a whole answer: one required key per target control, nothing else (OpenAI strict mode rules). */
export function createAnswerSchema(targets: PromptTarget[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const target of targets) properties[target.control.name] = target.task.schema(target);
  return {
    type: 'object',
    properties,
    required: targets.map((target) => target.control.name),
    additionalProperties: false,
  };
}
