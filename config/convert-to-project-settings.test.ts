import { DEFAULT_ADAPTIVE_TIMEOUT } from '../core/model-calls/call-with-adaptive-timeout';
import { convertToProjectSettings } from './convert-to-project-settings';
import { createDefaultProjectSettings } from './default-project-settings';
import { PROJECT_CONFIG_SCHEMA } from './project-config-schema';

type SchemaNode = Record<string, unknown> & { properties?: Record<string, SchemaNode>; enum?: unknown[] };

/** Keys of a file that say which projects it applies to and what to load, not how to label: no ProjectSettings field. */
const FILE_LEVEL_KEYS = new Set(['projects', 'default', 'plugins']);
/** Read by the loader into the template source (its text and line), which the converter receives ready. */
const TEMPLATE_KEYS = new Set(['prompt.template', 'prompt.template_file']);

const definitions = (PROJECT_CONFIG_SCHEMA as { definitions: Record<string, SchemaNode> }).definitions;
const resolve = (node: SchemaNode): SchemaNode =>
  typeof node.$ref === 'string' ? (definitions[node.$ref.replace('#/definitions/', '')] as SchemaNode) : node;

/** Every property of the schema with a value unlike its default, and a text that must then appear in the settings. */
function sampleFile(): { data: Record<string, unknown>; expectations: Array<{ field: string; text: string }> } {
  const expectations: Array<{ field: string; text: string }> = [];
  let counter = 0;
  const sample = (node: SchemaNode, field: string): unknown => {
    counter += 1;
    const resolved = resolve(node);
    if (resolved.properties && resolved.type === 'object') {
      return Object.fromEntries(
        Object.entries(resolved.properties)
          .filter(([key]) => !TEMPLATE_KEYS.has(`${field}.${key}`))
          .map(([key, child]) => [key, sample(child, field ? `${field}.${key}` : key)]),
      );
    }
    let value: unknown;
    let text: string;
    if (resolved.enum) {
      value = resolved.enum.find((candidate) => candidate !== resolved.default);
      text = JSON.stringify(value);
    } else if (resolved.type === 'string') {
      value = `value-of-${field}`;
      text = JSON.stringify(value);
    } else if (resolved.type === 'integer' || resolved.type === 'number') {
      value = 7000 + counter;
      text = String(value);
    } else if (resolved.type === 'boolean') {
      value = resolved.default !== true;
      text = 'unused';
    } else if (resolved.type === 'array') {
      value = [`item-of-${field}`];
      text = JSON.stringify(`item-of-${field}`);
    } else {
      value = { key: `entry-of-${field}` };
      text = JSON.stringify(`entry-of-${field}`);
    }
    if (resolved.type !== 'boolean') expectations.push({ field, text });
    return value;
  };
  const root = PROJECT_CONFIG_SCHEMA as SchemaNode;
  const data = Object.fromEntries(
    Object.entries(root.properties ?? {})
      .filter(([key]) => !FILE_LEVEL_KEYS.has(key))
      .map(([key, child]) => [key, key === 'fallbacks' ? [sample((child as { items: SchemaNode }).items, key)] : sample(child, key)]),
  );
  return { data, expectations };
}

describe('every key of the schema maps to a ProjectSettings field', () => {
  it('a value set in a file reaches the settings, for every property', () => {
    const { data, expectations } = sampleFile();
    const settings = JSON.stringify(convertToProjectSettings(data, '/projects/p.yaml', null));
    const lost = expectations.filter(({ text }) => !settings.includes(text)).map(({ field }) => field);
    expect(expectations.length).toBeGreaterThan(40);
    expect(lost).toEqual([]);
  });

  it('every boolean set against its default reaches the settings', () => {
    const settings = convertToProjectSettings({ default: true, media: { pass_public_urls: true }, provider: { accepts_images: false } }, null, null);
    expect(settings.media.passPublicUrls).toBe(true);
    expect(settings.provider.acceptsImages).toBe(false);
  });

  it('the settings of an empty file are the built-in defaults', () => {
    expect(convertToProjectSettings({ default: true }, null, null)).toEqual(createDefaultProjectSettings({}));
  });
});

describe('defaults core applies itself', () => {
  it('core falls back to the adaptive timeout the schema documents', () => {
    expect(createDefaultProjectSettings({}).provider.adaptiveTimeout).toEqual(DEFAULT_ADAPTIVE_TIMEOUT);
  });
});
