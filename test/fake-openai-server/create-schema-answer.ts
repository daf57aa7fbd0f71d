import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveReference(reference: string, root: Schema): Schema {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(reference);
  const definitions = match ? root[match[1]!] : undefined;
  const target = match && isSchema(definitions) ? definitions[match[2]!] : undefined;
  if (!isSchema(target)) throw new Error(`createSchemaAnswer cannot resolve $ref "${reference}"`);
  return target;
}

function answerFor(schema: Schema, root: Schema): unknown {
  if (typeof schema.$ref === 'string') return answerFor(resolveReference(schema.$ref, root), root);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives) && isSchema(alternatives[0])) return answerFor(alternatives[0], root);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((candidate) => candidate !== 'null') ?? types[0];
  switch (type) {
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      return Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, answerFor(isSchema(property) ? property : {}, root)]),
      );
    }
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const items = isSchema(schema.items) ? schema.items : {};
      return Array.from({ length: count }, () => answerFor(items, root));
    }
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/**
 * The simplest value that fits a JSON schema: the first enum value (or `const`, or first `anyOf` branch) wherever
 * there is a choice, every declared property, `minItems` items, '' / 0 / false otherwise.
 */
export function createSchemaAnswer(schema: Schema): unknown {
  return answerFor(schema, schema);
}

/**
 * The fake server's default handler: for `json_schema`, the JSON of `createSchemaAnswer(schema)`; for `json_object`,
 * `{}`; for text, `OK`.
 */
export function answerFromResponseFormat(body: ChatCompletionCreateParams): string {
  const responseFormat = body.response_format;
  if (responseFormat?.type === 'json_schema') {
    return JSON.stringify(createSchemaAnswer(responseFormat.json_schema.schema ?? {}));
  }
  if (responseFormat?.type === 'json_object') return '{}';
  return 'OK';
}
