import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ERROR_CODES, PrelabelError, type ProjectConfigError } from '../core/errors';
import type { ProjectSettings } from '../core/spec/project-settings';
import { Registry } from '../core/registry';
import { createTestRegistry } from '../test/helpers/create-test-registry';
import { createDefaultProjectSettings } from './default-project-settings';
import { DEFAULT_STAGE_NAMES } from './default-stage-names';
import { loadProjectFile, tryLoadProjectFile } from './load-project-file';


const registry = createTestRegistry();
let directory: string;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'prelabel-load-project-file-'));
});
afterEach(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

/** Writes files (name → lines) into the temp folder and returns the path of the first. */
function writeFiles(files: Record<string, string[] | string>): string {
  const paths = Object.entries(files).map(([name, content]) => {
    const file = path.join(directory, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Array.isArray(content) ? `${content.join('\n')}\n` : content);
    return file;
  });
  return paths[0] as string;
}

function loadErrorOf(file: string, environment: NodeJS.ProcessEnv = {}): ProjectConfigError {
  try {
    loadProjectFile({ file, environment, registry });
  } catch (error) {
    if (PrelabelError.isInstance(error) && error.code === ERROR_CODES.PROJECT_CONFIG_INVALID) return error as ProjectConfigError;
    throw error;
  }
  throw new Error(`${file} loaded without an error`);
}

describe('loadProjectFile: valid files', () => {
  it('maps a full file to ProjectSettings', () => {
    const file = writeFiles({
      'sentiment.yaml': [
        'projects: [3, 7]',
        'provider:',
        '  name: openai',
        '  model: gpt-4o-mini',
        '  api_key: ${OPENAI_API_KEY}',
        '  base_url: ${OPENAI_BASE_URL:-https://api.openai.com/v1}',
        '  temperature: 0',
        '  max_output_tokens: 1024',
        '  timeout_ms: 30000',
        '  adaptive_timeout: { multiplier: 3, floor_ms: 2000 }',
        '  structured_output: json_schema',
        '  options: { seed: 7, nested: { a: [1] } }',
        'prompt:',
        '  template: |',
        '    Classify the sentiment of {text}.',
        '    Title: {title}',
        '  instructions: Answer briefly.',
        '  extra_fields: [title]',
        'retry:',
        '  max_retries: 5',
        '  initial_delay_ms: 100',
        '  max_delay_ms: 1000',
        'repair: { max_attempts: 2 }',
        'concurrency: 4',
        'controls:',
        '  include: [sentiment]',
        '  instructions: { sentiment: Sarcasm is negative. }',
        'chunking: { max_characters: 5000, overlap_characters: 100 }',
        'interactive: { prompt_prefix: ask }',
        'stages:',
        '  config_parser: label-studio-xml.v1',
        '  prompt_renderer: template.v1',
        '  response_parser: json.v1',
        '  result_mapper: label-studio.v1',
      ],
    });
    const loaded = loadProjectFile({ file, environment: { OPENAI_API_KEY: 'sk-from-environment' }, registry });
    const expected: ProjectSettings = {
      sourceFile: file,
      stages: { ...DEFAULT_STAGE_NAMES },
      provider: {
        name: 'openai',
        model: 'gpt-4o-mini',
        apiKey: 'sk-from-environment',
        baseUrl: 'https://api.openai.com/v1',
        temperature: 0,
        maxOutputTokens: 1024,
        timeoutMs: 30000,
        adaptiveTimeout: { multiplier: 3, floorMs: 2000 },
        structuredOutput: 'json_schema',
        options: { seed: 7, nested: { a: [1] } },
      },
      fallbacks: [],
      prompt: {
        template: { text: 'Classify the sentiment of {text}.\nTitle: {title}\n', file, line: 15 },
        instructions: 'Answer briefly.',
        extraFields: ['title'],
      },
      retry: { maxRetries: 5, initialDelayMs: 100, maxDelayMs: 1000 },
      repair: { maxAttempts: 2 },
      concurrency: 4,
      controls: { include: ['sentiment'], instructions: { sentiment: 'Sarcasm is negative.' }, tasks: {} },
      chunking: { maxCharacters: 5000, overlapCharacters: 100 },
      interactive: { promptPrefix: 'ask' },
      media: { allowedHosts: [], passPublicUrls: false, maxBytes: 10 * 1024 * 1024, timeoutMs: 10_000 },
      confidence: { method: 'auto', samples: 5 },
      examples: { count: 0, strategy: 'balanced', maxCharacters: 6000 },
    };
    expect(loaded).toEqual({ file, projects: ['3', '7'], isDefault: false, settings: expected, dependencies: [file], providerProblems: [] });
  });

  it('fills every default for a minimal default file', () => {
    const file = writeFiles({ 'default.yml': ['default: true'] });
    const loaded = loadProjectFile({ file, environment: { PRELABEL_MODEL: 'ignored-for-files' }, registry });
    expect(loaded).toEqual({
      file,
      projects: [],
      isDefault: true,
      settings: { ...createDefaultProjectSettings({}), sourceFile: file },
      dependencies: [file],
      providerProblems: [],
    });
    expect(loaded.settings.provider).not.toHaveProperty('apiKey');
    expect(loaded.settings.provider).not.toHaveProperty('baseUrl');
  });

  it('reads template_file relative to the YAML file, as the prompt file from line 1', () => {
    const file = writeFiles({
      'projects/sentiment.yaml': ['projects: [3]', 'prompt:', '  template_file: prompts/sentiment.txt'],
      'projects/prompts/sentiment.txt': 'Sentiment of {text}?\n',
    });
    const templateFile = path.join(directory, 'projects/prompts/sentiment.txt');
    const loaded = loadProjectFile({ file: path.relative(process.cwd(), file), environment: {}, registry });
    expect(loaded.file).toBe(file);
    expect(loaded.settings.prompt.template).toEqual({ text: 'Sentiment of {text}?\n', file: templateFile, line: 1 });
    expect(loaded.dependencies).toEqual([file, templateFile]);
  });

  it.each([
    ['a plain single-line template', ['projects: [3]', 'prompt:', '  template: Classify {text}'], 'Classify {text}', 3],
    ['a folded block template', ['projects: [3]', '', 'prompt:', '  template: >-', '    Classify', '    {text}'], 'Classify {text}', 5],
    ['a block template starting with an empty line', ['projects: [3]', 'prompt:', '  template: |', '', '    {text}'], '\n{text}\n', 4],
  ])('gives %s the line of its first text line', (_name, lines, text, line) => {
    const file = writeFiles({ 'project.yaml': lines });
    expect(loadProjectFile({ file, environment: {}, registry }).settings.prompt.template).toEqual({ text, file, line });
  });

  it.each([
    ['a defaulted number', '  temperature: ${TEMPERATURE:-0.2}', {}, { temperature: 0.2 }],
    ['a number from the environment', '  max_output_tokens: ${MAX_TOKENS}', { MAX_TOKENS: '512' }, { maxOutputTokens: 512 }],
    ['text around a reference', '  model: gpt-${MODEL_VERSION}', { MODEL_VERSION: '4o' }, { model: 'gpt-4o' }],
    ['a defaulted string', '  model: ${MODEL:-gpt-4.1}', {}, { model: 'gpt-4.1' }],
    ['an api key from a nested default', '  api_key: ${KEY:-${OPENAI_API_KEY}}', { OPENAI_API_KEY: 'sk-1' }, { apiKey: 'sk-1' }],
  ])('interpolates %s', (_name, line, environment, expected) => {
    const file = writeFiles({ 'project.yaml': ['projects: [3]', 'provider:', line] });
    expect(loadProjectFile({ file, environment, registry }).settings.provider).toMatchObject(expected);
  });

  it('keeps the template verbatim apart from environment references', () => {
    const file = writeFiles({
      'project.yaml': ['projects: [3]', 'prompt:', '  template: |', '    {text} costs $${PRICE} for ${CUSTOMER}', '    {labels}'],
    });
    const loaded = loadProjectFile({ file, environment: { CUSTOMER: 'ACME' }, registry });
    expect(loaded.settings.prompt.template?.text).toBe('{text} costs ${PRICE} for ACME\n{labels}\n');
  });

  it('reports where each project id is claimed', () => {
    const file = writeFiles({ 'project.yaml': ['default: true', 'projects:', '  - 3', '  - 12'] });
    const result = tryLoadProjectFile({ file, environment: {}, registry });
    if (result.status !== 'loaded') throw result.error;
    expect(result.projectClaims).toEqual(
      new Map([
        ['3', { field: 'projects[0]', line: 3, column: 5 }],
        ['12', { field: 'projects[1]', line: 4, column: 5 }],
      ]),
    );
    expect(result.defaultClaim).toEqual({ field: 'default', line: 1, column: 1 });
  });
});

describe('loadProjectFile: problems', () => {
  const literalKeyMessage =
    'API keys only from the environment: write an environment reference such as ${OPENAI_API_KEY}, with no literal text or literal default';

  it.each<[string, string[], NodeJS.ProcessEnv, string[]]>([
    [
      'an unknown key, named with a suggestion',
      ['projects: [3]', 'provider:', '  model: gpt-4o', '  modle: gpt-4o'],
      {},
      [':4:3: provider.modle: unknown key "modle"; did you mean "model"?'],
    ],
    [
      'an unknown top-level key, with a snake_case suggestion',
      ['projects: [3]', 'maxRetries: 2'],
      {},
      [':2:1: maxRetries: unknown key "maxRetries" (allowed: projects, default, plugins, provider, fallbacks, prompt, retry, repair, concurrency, controls, chunking, interactive, media, confidence, examples, stages)'],
    ],
    [
      'a camelCase key',
      ['projects: [3]', 'retry:', '  maxRetries: 2'],
      {},
      [':3:3: retry.maxRetries: unknown key "maxRetries"; did you mean "max_retries"?'],
    ],
    ['a wrong type', ['projects: [3]', 'provider:', '  temperature: hot'], {}, [':3:16: provider.temperature: must be number']],
    ['an empty value', ['projects: [3]', 'provider:', '  temperature:'], {}, [':3:15: provider.temperature: must be number (the value is empty)']],
    ['a number out of range', ['projects: [3]', 'provider:', '  temperature: 2.5'], {}, [':3:16: provider.temperature: must be <= 2']],
    ['a fractional integer', ['projects: [3]', 'concurrency: 1.5'], {}, [':2:14: concurrency: must be integer']],
    [
      'an unknown structured output mode',
      ['projects: [3]', 'provider:', '  structured_output: tools'],
      {},
      [':3:22: provider.structured_output: must be one of: auto, json_schema, json_object, none'],
    ],
    ['a project id that is not an integer', ['projects: [3, seven]'], {}, [':1:15: projects[1]: must be integer']],
    [
      'a project id listed twice',
      ['projects:', '  - 3', '  - 3'],
      {},
      [':1:1: projects: must NOT have duplicate items (items ## 1 and 0 are identical)'],
    ],
    [
      'a section of the wrong type',
      ['projects: [3]', 'provider:', '  - openai'],
      {},
      [':2:1: provider: must be object'],
    ],
    [
      'neither projects nor default',
      ['provider:', '  model: gpt-4o'],
      {},
      [':1:1: a project file needs `projects` (a list of project ids) or `default: true`'],
    ],
    [
      'default: false without projects',
      ['concurrency: 2', 'default: false'],
      {},
      [':2:1: default: a project file needs `projects` (a list of project ids) or `default: true`'],
    ],
    ['an empty file', [''], {}, [':1:1: the file must be a YAML mapping of settings (the value is empty)']],
    ['a list instead of a mapping', ['- 3'], {}, [':1:1: the file must be a YAML mapping of settings']],
    [
      'both template and template_file',
      ['projects: [3]', 'prompt:', '  template: Classify {text}', '  template_file: prompt.txt'],
      {},
      [':4:3: prompt.template_file: give template or template_file, not both'],
    ],
    [
      'a missing template file',
      ['projects: [3]', 'prompt:', '  template_file: prompts/missing.txt'],
      {},
      [':3:18: prompt.template_file: cannot read the template file <dir>/prompts/missing.txt: no such file'],
    ],
    ['a literal api key', ['projects: [3]', 'provider:', '  api_key: sk-live-123'], {}, [`:3:12: provider.api_key: ${literalKeyMessage}`]],
    [
      'a quoted literal api key',
      ['projects: [3]', 'provider:', '  api_key: "sk-live-123"'],
      {},
      [`:3:12: provider.api_key: ${literalKeyMessage}`],
    ],
    [
      'an api key with literal text around a reference',
      ['projects: [3]', 'provider:', '  api_key: sk-${KEY_SUFFIX}'],
      { KEY_SUFFIX: 'abc' },
      [`:3:12: provider.api_key: ${literalKeyMessage}`],
    ],
    [
      'an api key with a literal default',
      ['projects: [3]', 'provider:', '  api_key: ${OPENAI_API_KEY:-sk-live-123}'],
      {},
      [`:3:12: provider.api_key: ${literalKeyMessage}`],
    ],
    [
      'an api key from an empty variable',
      ['projects: [3]', 'provider:', '  api_key: ${OPENAI_API_KEY}'],
      { OPENAI_API_KEY: '' },
      [':3:12: provider.api_key: must NOT have fewer than 1 characters'],
    ],
    [
      'an unset variable, without a type error for the unexpanded value',
      ['projects: [3]', 'provider:', '  temperature: ${TEMPERATURE}'],
      {},
      [':3:16: provider.temperature: environment variable TEMPERATURE is not set (give a default with ${TEMPERATURE:-default})'],
    ],
    [
      'an unset api key variable',
      ['projects: [3]', 'provider:', '  api_key: ${OPENAI_API_KEY}'],
      {},
      [':3:12: provider.api_key: environment variable OPENAI_API_KEY is not set (give a default with ${OPENAI_API_KEY:-default})'],
    ],
    [
      'a quoted reference where a number is needed',
      ['projects: [3]', 'provider:', '  temperature: "${TEMPERATURE:-0.2}"'],
      {},
      [':3:16: provider.temperature: must be number'],
    ],
    [
      'a malformed reference',
      ['projects: [3]', 'provider:', '  model: ${MODEL-gpt-4o}'],
      {},
      [':3:10: provider.model: "${MODEL-gpt-4o}" is not an environment reference: write ${NAME} or ${NAME:-default}, or $${ for a literal ${'],
    ],
    [
      'an unknown provider',
      ['projects: [3]', 'provider:', '  name: anthropic'],
      {},
      [':3:9: provider.name: no provider named "anthropic" is registered (available: openai)'],
    ],
    [
      'an unknown stage',
      ['projects: [3]', 'stages:', '  response_parser: xml.v1'],
      {},
      [':3:20: stages.response_parser: no response-parser named "xml.v1" is registered (available: json.v1)'],
    ],
    [
      'an initial retry delay above the default maximum',
      ['projects: [3]', 'retry:', '  initial_delay_ms: 30000'],
      {},
      [':3:21: retry.initial_delay_ms: initial_delay_ms (30000) must not exceed max_delay_ms (20000, the default)'],
    ],
    [
      'several problems, in line order',
      ['projects: [3]', 'concurrency: 0', 'provider:', '  name: nobody', '  temperature: -1', 'extra: 1'],
      {},
      [
        ':2:14: concurrency: must be >= 1',
        ':4:9: provider.name: no provider named "nobody" is registered (available: openai)',
        ':5:16: provider.temperature: must be >= 0',
        ':6:1: extra: unknown key "extra" (allowed: projects, default, plugins, provider, fallbacks, prompt, retry, repair, concurrency, controls, chunking, interactive, media, confidence, examples, stages)',
      ],
    ],
  ])('reports %s', (_name, lines, environment, expected) => {
    const file = writeFiles({ 'project.yaml': lines });
    const error = loadErrorOf(file, environment);
    expect(error.problems).toEqual(expected.map((problem) => `${file}${problem.replace('<dir>', directory)}`));
    expect(error.message).toBe(error.problems.join('\n'));
  });

  it.each([
    ['an unclosed flow sequence', ['projects: [3', 'provider:', '  model: x'], ':'],
    ['a duplicate key', ['projects: [3]', 'concurrency: 2', 'concurrency: 3'], ':3:1: YAML syntax error: Map keys must be unique'],
    ['a bad indentation', ['projects: [3]', 'provider:', '  model: x', ' name: y'], ':4:'],
  ])('reports a YAML syntax error: %s', (_name, lines, expected) => {
    const file = writeFiles({ 'project.yaml': lines });
    const problems = loadErrorOf(file).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^.+:\d+:\d+: YAML syntax error: /);
    expect(problems[0]?.startsWith(`${file}${expected}`)).toBe(true);
  });

  it('reports a file that cannot be read', () => {
    const file = path.join(directory, 'missing.yaml');
    expect(loadErrorOf(file).problems).toEqual([`${file}:1:1: cannot read the file: no such file`]);
  });

  it('lists the template file among the dependencies of a file that cannot find it', () => {
    const file = writeFiles({ 'project.yaml': ['projects: [3]', 'prompt:', '  template_file: missing.txt'] });
    const result = tryLoadProjectFile({ file, environment: {}, registry });
    expect(result).toMatchObject({ status: 'invalid', dependencies: [file, path.join(directory, 'missing.txt')] });
  });

  it('never repeats a literal api key in its messages', () => {
    const file = writeFiles({ 'project.yaml': ['projects: [3]', 'provider:', '  api_key: sk-live-secret'] });
    expect(loadErrorOf(file).message).not.toContain('sk-live-secret');
  });

  it('checks the default stage names against the registry', () => {
    const file = writeFiles({ 'project.yaml': ['projects: [3]'] });
    const emptyRegistry = new Registry();
    const result = tryLoadProjectFile({ file, environment: {}, registry: emptyRegistry });
    expect(result.status === 'invalid' && result.error.problems).toEqual([
      `${file}:1:1: provider.name: no provider named "openai" is registered (available: none)`,
      `${file}:1:1: stages.config_parser: no config-parser named "label-studio-xml.v1" is registered (available: none)`,
      `${file}:1:1: stages.prompt_renderer: no prompt-renderer named "template.v1" is registered (available: none)`,
      `${file}:1:1: stages.response_parser: no response-parser named "json.v1" is registered (available: none)`,
      `${file}:1:1: stages.result_mapper: no result-mapper named "label-studio.v1" is registered (available: none)`,
    ]);
  });
});
