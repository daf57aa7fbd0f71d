import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ConfigProblem } from './config-problem';
import { locateYamlNode } from './locate-yaml-node';
import { PROJECT_CONFIG_SCHEMA } from './project-config-schema';
import { problemAt, type CheckContext } from './project-file-context';

/**
 * Checks the file's data against the schema and adds a problem per schema error (all at once, ajv `allErrors`),
 * each at its line and column, unknown keys with a "did you mean". Fields whose `${VAR}` did not resolve are
 * skipped: interpolation already reported them.
 */
export function validateProjectSchema(context: CheckContext, data: unknown, unresolvedFields: ReadonlySet<string>): void {
  for (const error of validateAgainstSchema(data)) {
    const problem = problemFromSchemaError(context, error);
    if (problem && !unresolvedFields.has(problem.field)) context.problems.push(problem);
  }
}

let compiledValidator: ValidateFunction | undefined;

function validateAgainstSchema(data: unknown): ErrorObject[] {
  compiledValidator ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(PROJECT_CONFIG_SCHEMA);
  return compiledValidator(data) ? [] : [...(compiledValidator.errors ?? [])];
}

/** Schema combinators whose own errors say little: one message instead, at a key of the object they check. */
const COMBINATOR_PROBLEMS: Record<string, { pointAt: string; message: string }> = {
  '#/anyOf': { pointAt: 'default', message: 'a project file needs `projects` (a list of project ids) or `default: true`' },
  '#/properties/prompt/not': { pointAt: 'template_file', message: 'give template or template_file, not both' },
};

function problemFromSchemaError(context: CheckContext, error: ErrorObject): ConfigProblem | null {
  const instancePath = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));

  const combinator = COMBINATOR_PROBLEMS[error.schemaPath];
  if (combinator) {
    const keyPath = [...instancePath, combinator.pointAt];
    return locateYamlNode(context.document, keyPath).found
      ? problemAt(context, keyPath, combinator.message, 'key')
      : problemAt(context, instancePath, combinator.message);
  }
  if (Object.keys(COMBINATOR_PROBLEMS).some((schemaPath) => error.schemaPath.startsWith(`${schemaPath}/`))) return null;

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      return problemAt(context, [...instancePath, key], unknownKeyMessage(key, allowed), 'key');
    }
    case 'required':
      return problemAt(context, instancePath, `missing required key "${String(error.params.missingProperty)}"`);
    case 'enum':
      return problemAt(context, instancePath, `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`);
    case 'type': {
      const message = instancePath.length === 0 ? 'the file must be a YAML mapping of settings' : error.message;
      return problemAt(context, instancePath, `${message}${error.data === null ? ' (the value is empty)' : ''}`);
    }
    default:
      return problemAt(context, instancePath, error.message ?? `fails the schema rule ${error.keyword}`);
  }
}

function unknownKeyMessage(key: string, allowed: string[]): string {
  const suggestion = suggestKey(key, allowed);
  if (suggestion) return `unknown key "${key}"; did you mean "${suggestion}"?`;
  return allowed.length > 0 ? `unknown key "${key}" (allowed: ${allowed.join(', ')})` : `unknown key "${key}"`;
}

function suggestKey(key: string, allowed: string[]): string | undefined {
  const normalise = (text: string) => text.toLowerCase().replace(/[-_\s]/g, '');
  const sameWhenNormalised = allowed.find((candidate) => normalise(candidate) === normalise(key));
  if (sameWhenNormalised) return sameWhenNormalised;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(key, candidate);
    if (distance <= 2 && distance < key.length / 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

