import { createDefaultProjectSettings, PROJECT_SETTINGS_DEFAULTS } from './default-project-settings';
import { DEFAULT_PROVIDER_NAME, DEFAULT_STAGE_NAMES } from './default-stage-names';
import projectConfigSchema from './project-config.schema.json';

type SchemaNode = Record<string, unknown> & { properties?: Record<string, SchemaNode> };

/** Follows `#/definitions/...` references, as ajv does. */
function resolve(node: SchemaNode): SchemaNode {
  const reference = node.$ref;
  if (typeof reference !== 'string') return node;
  const name = reference.replace('#/definitions/', '');
  return (projectConfigSchema as { definitions: Record<string, SchemaNode> }).definitions[name] as SchemaNode;
}

function schemaAt(...keys: string[]): SchemaNode {
  let node = projectConfigSchema as SchemaNode;
  for (const key of keys) node = resolve(node.properties?.[key] as SchemaNode);
  return node;
}

describe('createDefaultProjectSettings', () => {
  it('uses openai, the defaults and no template', () => {
    expect(createDefaultProjectSettings({})).toEqual({
      sourceFile: null,
      stages: {
        configParser: 'label-studio-xml.v1',
        promptRenderer: 'template.v1',
        responseParser: 'json.v1',
        resultMapper: 'label-studio.v1',
      },
      provider: { name: 'openai', model: 'gpt-4o', timeoutMs: 60000, adaptiveTimeout: { multiplier: 4, floorMs: 5000 }, structuredOutput: 'auto', options: {} },
      fallbacks: [],
    prompt: { template: null, instructions: null, extraFields: [] },
      retry: { maxRetries: 3, initialDelayMs: 500, maxDelayMs: 20000 },
      repair: { maxAttempts: 1 },
      concurrency: 8,
      controls: { include: null, instructions: {}, tasks: {} },
      chunking: { maxCharacters: 12_000, overlapCharacters: 400 },
      interactive: { promptPrefix: 'prompt' },
      media: { allowedHosts: [], passPublicUrls: false, maxBytes: 10 * 1024 * 1024, timeoutMs: 10_000 },
      confidence: { method: 'auto', samples: 5 },
      examples: { count: 0, strategy: 'balanced', maxCharacters: 6000 },
    });
  });

  it.each([
    [{ PRELABEL_MODEL: 'gpt-4.1-mini' }, 'gpt-4.1-mini'],
    [{ PRELABEL_MODEL: '' }, 'gpt-4o'],
    [{ OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://localhost:1' }, 'gpt-4o'],
  ])('takes the model from PRELABEL_MODEL, never an API key or base URL: %o', (environment, model) => {
    const settings = createDefaultProjectSettings(environment);
    expect(settings.provider.model).toBe(model);
    expect(settings.provider).not.toHaveProperty('apiKey');
    expect(settings.provider).not.toHaveProperty('baseUrl');
  });

  it('returns a new object each time', () => {
    const first = createDefaultProjectSettings({});
    first.stages.configParser = 'changed';
    first.retry.maxRetries = 0;
    expect(createDefaultProjectSettings({}).stages.configParser).toBe(DEFAULT_STAGE_NAMES.configParser);
    expect(createDefaultProjectSettings({}).retry.maxRetries).toBe(PROJECT_SETTINGS_DEFAULTS.retry.maxRetries);
  });
});

describe('project-config.schema.json', () => {
  it.each<[string[], unknown]>([
    [['default'], false],
    [['provider', 'name'], DEFAULT_PROVIDER_NAME],
    [['provider', 'model'], PROJECT_SETTINGS_DEFAULTS.model],
    [['provider', 'timeout_ms'], PROJECT_SETTINGS_DEFAULTS.timeoutMs],
    [['provider', 'structured_output'], PROJECT_SETTINGS_DEFAULTS.structuredOutput],
    [['provider', 'adaptive_timeout', 'multiplier'], PROJECT_SETTINGS_DEFAULTS.adaptiveTimeout.multiplier],
    [['provider', 'adaptive_timeout', 'floor_ms'], PROJECT_SETTINGS_DEFAULTS.adaptiveTimeout.floorMs],
    [['repair', 'max_attempts'], PROJECT_SETTINGS_DEFAULTS.repair.maxAttempts],
    [['retry', 'max_retries'], PROJECT_SETTINGS_DEFAULTS.retry.maxRetries],
    [['retry', 'initial_delay_ms'], PROJECT_SETTINGS_DEFAULTS.retry.initialDelayMs],
    [['retry', 'max_delay_ms'], PROJECT_SETTINGS_DEFAULTS.retry.maxDelayMs],
    [['concurrency'], PROJECT_SETTINGS_DEFAULTS.concurrency],
    [['stages', 'config_parser'], DEFAULT_STAGE_NAMES.configParser],
    [['stages', 'prompt_renderer'], DEFAULT_STAGE_NAMES.promptRenderer],
    [['stages', 'response_parser'], DEFAULT_STAGE_NAMES.responseParser],
    [['stages', 'result_mapper'], DEFAULT_STAGE_NAMES.resultMapper],
  ])('documents the default of %j as the code applies it', (keys, expected) => {
    expect(schemaAt(...keys).default).toEqual(expected);
  });

  it('describes every property and refuses unknown keys in every object but provider.options, controls (keyed by control name) and controls.instructions', () => {
    const undescribed: string[] = [];
    const open: string[] = [];
    const visited = new Set<SchemaNode>();
    const visit = (reference: SchemaNode, where: string) => {
      const node = resolve(reference);
      if (visited.has(node)) return;
      visited.add(node);
      if (node.type === 'object' && node.additionalProperties !== false) open.push(where);
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (typeof child.description !== 'string') undescribed.push(`${where}.${key}`);
        visit(child, `${where}.${key}`);
      }
      if (node.items) visit(node.items as SchemaNode, `${where}[]`);
      if (typeof node.additionalProperties === 'object') {
        if (typeof (node.additionalProperties as SchemaNode).description !== 'string') undescribed.push(`${where}.*`);
        visit(node.additionalProperties as SchemaNode, `${where}.*`);
      }
    };
    visit(projectConfigSchema as SchemaNode, '');
    expect(undescribed).toEqual([]);
    expect(open).toEqual(['.provider.options', '.controls', '.controls.instructions']);
  });
});
