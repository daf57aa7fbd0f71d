import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isScalar, LineCounter, parseDocument, Scalar, type Document } from 'yaml';
import { ProjectConfigError } from '../core/errors';
import type { ProjectSettings, PromptTemplateSource, ProviderSettings } from '../core/project-settings';
import type { ComponentKind, Registry } from '../core/registry';
import { checkProviderSettings, type ProviderConfigProblem } from './check-provider-settings';
import { formatConfigProblem, formatFieldPath, sortConfigProblems, type ConfigProblem } from './config-problem';
import { PROJECT_SETTINGS_DEFAULTS } from './default-project-settings';
import { loadPlugin } from './load-plugin';
import { DEFAULT_PROVIDER_NAME, DEFAULT_STAGE_NAMES } from './default-stage-names';
import { interpolateEnvironment, type EnvironmentReferenceSite } from './interpolate-environment';
import { fieldPathOf, locateYamlNode, positionOfNode, positionOfValue, type SourcePosition } from './locate-yaml-node';
import projectConfigSchema from './project-config.schema.json';

export interface LoadProjectFileOptions {
  file: string;
  environment: NodeJS.ProcessEnv;
  registry: Registry;
}

export interface LoadedProjectFile {
  /** Absolute path of the YAML file. */
  file: string;
  /** The Label Studio project ids the file lists, as strings. */
  projects: string[];
  isDefault: boolean;
  settings: ProjectSettings;
  /** Absolute paths of the files read: the YAML file, then the template file if any. */
  dependencies: string[];
  /** Provider settings that cannot work (a missing key, a bad base URL): `validate` fails on them, the server warns. */
  providerProblems: ProviderConfigProblem[];
}

/** Where a file claims a project id or the default, to report two files claiming the same. */
export interface ProjectClaimSite extends SourcePosition {
  field: string;
}

export type ProjectFileLoadResult =
  | {
      status: 'loaded';
      loaded: LoadedProjectFile;
      /** Project id → where the file lists it. */
      projectClaims: Map<string, ProjectClaimSite>;
      /** Where the file says `default: true`, or null. */
      defaultClaim: ProjectClaimSite | null;
    }
  | {
      status: 'invalid';
      error: ProjectConfigError;
      /** Absolute paths of the files read or looked for, so a caller knows when trying again may help. */
      dependencies: string[];
    };

/** Reads, interpolates, validates and normalises one project file. Throws one ProjectConfigError listing every problem. */
export function loadProjectFile(options: LoadProjectFileOptions): LoadedProjectFile {
  const result = tryLoadProjectFile(options);
  if (result.status === 'invalid') throw result.error;
  return result.loaded;
}

/** As loadProjectFile, returning the problems instead of throwing them. */
export function tryLoadProjectFile(options: LoadProjectFileOptions): ProjectFileLoadResult {
  const file = path.resolve(options.file);
  const dependencies = [file];
  const invalid = (problems: ConfigProblem[]): ProjectFileLoadResult => ({
    status: 'invalid',
    error: new ProjectConfigError(sortConfigProblems(problems).map(formatConfigProblem)),
    dependencies,
  });

  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return invalid([{ file, line: 1, column: 1, field: '', message: `cannot read the file: ${describeFileError(error)}` }]);
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return invalid(
      document.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        column: lineCounter.linePos(error.pos[0]).col,
        field: '',
        message: `YAML syntax error: ${error.message}`,
      })),
    );
  }

  const interpolation = interpolateEnvironment({ file, source, document, lineCounter, environment: options.environment });
  const context: CheckContext = { file, document, lineCounter, problems: [...interpolation.problems] };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return invalid([...context.problems, { file, line: 1, column: 1, field: '', message: describeError(error) }]);
  }

  for (const error of validateAgainstSchema(data)) {
    const problem = problemFromSchemaError(context, error);
    if (problem && !interpolation.unresolvedFields.has(problem.field)) context.problems.push(problem);
  }

  const fileData = asRecord(data) ?? {};
  dependencies.push(...loadPlugins(context, fileData, options.registry));
  checkApiKey(context, fileData, interpolation.references);
  checkRegisteredNames(context, fileData, options.registry);
  checkRetryDelays(context, fileData);
  checkChunkOverlap(context, fileData);
  const templateFile = readTemplateFile(context, fileData);
  if (templateFile) dependencies.push(templateFile.file);

  if (context.problems.length > 0) return invalid(context.problems);

  const valid = fileData as ProjectFileData;
  const settings = toProjectSettings(context, valid, templateFile);
  return {
    status: 'loaded',
    loaded: {
      file,
      projects: (valid.projects ?? []).map(String),
      isDefault: valid.default === true,
      settings,
      dependencies,
      providerProblems: checkProviderSettings({ settings, environment: options.environment, registry: options.registry, locate: (fieldPath, message) => problemAt(context, fieldPath, message) }),
    },
    projectClaims: new Map(
      (valid.projects ?? []).map((id, index) => [String(id), claimSite(context, ['projects', index], 'value')]),
    ),
    defaultClaim: valid.default === true ? claimSite(context, ['default'], 'key') : null,
  };
}

/** The shape of a `provider` (or fallback) that passed the schema. */
interface ProviderFileData {
  name?: string;
  model?: string;
  api_key?: string;
  base_url?: string;
  temperature?: number;
  max_output_tokens?: number;
  timeout_ms?: number;
  adaptive_timeout?: { multiplier?: number; floor_ms?: number };
  requests_per_minute?: number;
  tokens_per_minute?: number;
  prices?: { input_per_million: number; output_per_million: number };
  structured_output?: ProviderSettings['structuredOutput'];
  accepts_images?: boolean;
  options?: Record<string, unknown>;
}

/** The shape of a file that passed the schema. */
interface ProjectFileData {
  projects?: number[];
  plugins?: string[];
  default?: boolean;
  provider?: ProviderFileData;
  fallbacks?: ProviderFileData[];
  prompt?: { template?: string; template_file?: string; instructions?: string; extra_fields?: string[] };
  retry?: { max_retries?: number; initial_delay_ms?: number; max_delay_ms?: number };
  repair?: { max_attempts?: number };
  concurrency?: number;
  controls?: { include?: string[]; instructions?: Record<string, string> };
  chunking?: { max_characters?: number; overlap_characters?: number };
  interactive?: { prompt_prefix?: string };
  media?: { allowed_hosts?: string[]; pass_public_urls?: boolean; max_bytes?: number; timeout_ms?: number };
  confidence?: { method?: ProjectSettings['confidence']['method']; samples?: number };
  examples?: { count?: number; strategy?: ProjectSettings['examples']['strategy']; max_characters?: number };
  stages?: { config_parser?: string; prompt_renderer?: string; response_parser?: string; result_mapper?: string };
}

interface CheckContext {
  file: string;
  document: Document;
  lineCounter: LineCounter;
  problems: ConfigProblem[];
}

function problemAt(
  context: CheckContext,
  fieldPath: readonly (string | number)[],
  message: string,
  pointAt: 'value' | 'key' = 'value',
): ConfigProblem {
  const located = locateYamlNode(context.document, fieldPath);
  const position =
    pointAt === 'key' && located.found && located.keyNode
      ? positionOfNode(context.lineCounter, located.keyNode)
      : positionOfValue(context.lineCounter, located);
  return { file: context.file, ...position, field: formatFieldPath(fieldPathOf(located, fieldPath)), message };
}

function claimSite(context: CheckContext, fieldPath: (string | number)[], pointAt: 'value' | 'key'): ProjectClaimSite {
  const { line, column, field } = problemAt(context, fieldPath, '', pointAt);
  return { line, column, field };
}

let compiledValidator: ValidateFunction | undefined;

function validateAgainstSchema(data: unknown): ErrorObject[] {
  compiledValidator ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(projectConfigSchema);
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

function checkApiKey(context: CheckContext, data: Record<string, unknown>, references: EnvironmentReferenceSite[]): void {
  const fallbacks = Array.isArray(data.fallbacks) ? data.fallbacks : [];
  const sections: Array<{ path: (string | number)[]; provider: unknown }> = [
    { path: ['provider'], provider: data.provider },
    ...fallbacks.map((provider, index) => ({ path: ['fallbacks', index], provider })),
  ];
  for (const { path, provider } of sections) {
    const record = asRecord(provider);
    if (!record || !('api_key' in record)) continue;
    const node = locateYamlNode(context.document, [...path, 'api_key']).node;
    const site = references.find((reference) => reference.node === node);
    if (site && !site.hasLiteralText) continue;
    context.problems.push(
      problemAt(
        context,
        [...path, 'api_key'],
        'API keys only from the environment: write an environment reference such as ${OPENAI_API_KEY}, with no literal text or literal default',
      ),
    );
  }
}

const REGISTERED_NAME_FIELDS: { section: string; key: string; kind: ComponentKind; defaultName: string }[] = [
  { section: 'provider', key: 'name', kind: 'provider', defaultName: DEFAULT_PROVIDER_NAME },
  { section: 'stages', key: 'config_parser', kind: 'config-parser', defaultName: DEFAULT_STAGE_NAMES.configParser },
  { section: 'stages', key: 'prompt_renderer', kind: 'prompt-renderer', defaultName: DEFAULT_STAGE_NAMES.promptRenderer },
  { section: 'stages', key: 'response_parser', kind: 'response-parser', defaultName: DEFAULT_STAGE_NAMES.responseParser },
  { section: 'stages', key: 'result_mapper', kind: 'result-mapper', defaultName: DEFAULT_STAGE_NAMES.resultMapper },
];

function checkRegisteredNames(context: CheckContext, data: Record<string, unknown>, registry: Registry): void {
  const fallbacks = Array.isArray(data.fallbacks) ? data.fallbacks : [];
  fallbacks.forEach((fallback, index) => {
    const name = asRecord(fallback)?.name ?? DEFAULT_PROVIDER_NAME;
    if (typeof name !== 'string' || registry.has('provider', name)) return;
    const available = registry.names('provider').join(', ') || 'none';
    context.problems.push(problemAt(context, ['fallbacks', index, 'name'], `no provider named "${name}" is registered (available: ${available})`));
  });
  for (const { section, key, kind, defaultName } of REGISTERED_NAME_FIELDS) {
    const sectionData = data[section] === undefined ? {} : asRecord(data[section]);
    const name = sectionData && (sectionData[key] === undefined ? defaultName : sectionData[key]);
    if (typeof name !== 'string' || registry.has(kind, name)) continue;
    const available = registry.names(kind).join(', ') || 'none';
    context.problems.push(problemAt(context, [section, key], `no ${kind} named "${name}" is registered (available: ${available})`));
  }
}

/** Loads the file's plugins before names are checked, so providers and stages they register can be named. */
function loadPlugins(context: CheckContext, data: Record<string, unknown>, registry: Registry): string[] {
  const plugins = Array.isArray(data.plugins) ? data.plugins : [];
  const files: string[] = [];
  plugins.forEach((specifier, index) => {
    if (typeof specifier !== 'string') return;
    try {
      files.push(loadPlugin(specifier, path.dirname(context.file), registry));
    } catch (error) {
      context.problems.push(problemAt(context, ['plugins', index], `plugin "${specifier}": ${describeError(error)}`));
    }
  });
  return files;
}

function checkRetryDelays(context: CheckContext, data: Record<string, unknown>): void {
  const retry = asRecord(data.retry);
  if (!retry) return;
  const initialDelayMs = retry.initial_delay_ms ?? PROJECT_SETTINGS_DEFAULTS.retry.initialDelayMs;
  const maxDelayMs = retry.max_delay_ms ?? PROJECT_SETTINGS_DEFAULTS.retry.maxDelayMs;
  if (typeof initialDelayMs !== 'number' || typeof maxDelayMs !== 'number' || initialDelayMs <= maxDelayMs) return;
  const field = retry.initial_delay_ms === undefined ? 'max_delay_ms' : 'initial_delay_ms';
  context.problems.push(
    problemAt(
      context,
      ['retry', field],
      `initial_delay_ms (${initialDelayMs}) must not exceed max_delay_ms (${maxDelayMs}${retry.max_delay_ms === undefined ? ', the default' : ''})`,
    ),
  );
}

function checkChunkOverlap(context: CheckContext, data: Record<string, unknown>): void {
  const chunking = asRecord(data.chunking);
  if (!chunking) return;
  const maxCharacters = chunking.max_characters ?? PROJECT_SETTINGS_DEFAULTS.chunking.maxCharacters;
  const overlapCharacters = chunking.overlap_characters ?? PROJECT_SETTINGS_DEFAULTS.chunking.overlapCharacters;
  if (typeof maxCharacters !== 'number' || typeof overlapCharacters !== 'number' || overlapCharacters * 2 <= maxCharacters) return;
  const field = chunking.overlap_characters === undefined ? 'max_characters' : 'overlap_characters';
  context.problems.push(
    problemAt(context, ['chunking', field], `overlap_characters (${overlapCharacters}) must be at most half of max_characters (${maxCharacters})`),
  );
}

function readTemplateFile(context: CheckContext, data: Record<string, unknown>): { file: string; text: string } | null {
  const prompt = asRecord(data.prompt);
  if (!prompt || typeof prompt.template_file !== 'string' || prompt.template !== undefined) return null;
  const file = path.resolve(path.dirname(context.file), prompt.template_file);
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim() === '') context.problems.push(problemAt(context, ['prompt', 'template_file'], `the template file ${file} is empty`));
    return { file, text };
  } catch (error) {
    context.problems.push(
      problemAt(context, ['prompt', 'template_file'], `cannot read the template file ${file}: ${describeFileError(error)}`),
    );
    return { file, text: '' };
  }
}

function toProviderSettings(provider: ProviderFileData): ProviderSettings {
  const providerSettings: ProviderSettings = {
    name: provider.name ?? DEFAULT_PROVIDER_NAME,
    model: provider.model ?? PROJECT_SETTINGS_DEFAULTS.model,
    timeoutMs: provider.timeout_ms ?? PROJECT_SETTINGS_DEFAULTS.timeoutMs,
    adaptiveTimeout: {
      multiplier: provider.adaptive_timeout?.multiplier ?? PROJECT_SETTINGS_DEFAULTS.adaptiveTimeout.multiplier,
      floorMs: provider.adaptive_timeout?.floor_ms ?? PROJECT_SETTINGS_DEFAULTS.adaptiveTimeout.floorMs,
    },
    structuredOutput: provider.structured_output ?? PROJECT_SETTINGS_DEFAULTS.structuredOutput,
    options: provider.options ?? {},
  };
  if (provider.api_key !== undefined) providerSettings.apiKey = provider.api_key;
  if (provider.base_url !== undefined) providerSettings.baseUrl = provider.base_url;
  if (provider.temperature !== undefined) providerSettings.temperature = provider.temperature;
  if (provider.max_output_tokens !== undefined) providerSettings.maxOutputTokens = provider.max_output_tokens;
  if (provider.accepts_images !== undefined) providerSettings.acceptsImages = provider.accepts_images;
  if (provider.requests_per_minute !== undefined) providerSettings.requestsPerMinute = provider.requests_per_minute;
  if (provider.tokens_per_minute !== undefined) providerSettings.tokensPerMinute = provider.tokens_per_minute;
  if (provider.prices !== undefined) {
    providerSettings.prices = { inputPerMillion: provider.prices.input_per_million, outputPerMillion: provider.prices.output_per_million };
  }
  return providerSettings;
}

function toProjectSettings(
  context: CheckContext,
  data: ProjectFileData,
  templateFile: { file: string; text: string } | null,
): ProjectSettings {
  const providerSettings = toProviderSettings(data.provider ?? {});
  const prompt = data.prompt ?? {};
  const retry = data.retry ?? {};
  const stages = data.stages ?? {};
  return {
    sourceFile: context.file,
    stages: {
      configParser: stages.config_parser ?? DEFAULT_STAGE_NAMES.configParser,
      promptRenderer: stages.prompt_renderer ?? DEFAULT_STAGE_NAMES.promptRenderer,
      responseParser: stages.response_parser ?? DEFAULT_STAGE_NAMES.responseParser,
      resultMapper: stages.result_mapper ?? DEFAULT_STAGE_NAMES.resultMapper,
    },
    provider: providerSettings,
    fallbacks: (data.fallbacks ?? []).map(toProviderSettings),
    prompt: {
      template: templateSource(context, prompt.template, templateFile),
      instructions: prompt.instructions ?? null,
      extraFields: prompt.extra_fields ?? [],
    },
    retry: {
      maxRetries: retry.max_retries ?? PROJECT_SETTINGS_DEFAULTS.retry.maxRetries,
      initialDelayMs: retry.initial_delay_ms ?? PROJECT_SETTINGS_DEFAULTS.retry.initialDelayMs,
      maxDelayMs: retry.max_delay_ms ?? PROJECT_SETTINGS_DEFAULTS.retry.maxDelayMs,
    },
    repair: { maxAttempts: data.repair?.max_attempts ?? PROJECT_SETTINGS_DEFAULTS.repair.maxAttempts },
    concurrency: data.concurrency ?? PROJECT_SETTINGS_DEFAULTS.concurrency,
    controls: { include: data.controls?.include ?? null, instructions: data.controls?.instructions ?? {} },
    chunking: {
      maxCharacters: data.chunking?.max_characters ?? PROJECT_SETTINGS_DEFAULTS.chunking.maxCharacters,
      overlapCharacters: data.chunking?.overlap_characters ?? PROJECT_SETTINGS_DEFAULTS.chunking.overlapCharacters,
    },
    interactive: { promptPrefix: data.interactive?.prompt_prefix ?? PROJECT_SETTINGS_DEFAULTS.promptPrefix },
    media: {
      allowedHosts: data.media?.allowed_hosts ?? [],
      passPublicUrls: data.media?.pass_public_urls ?? false,
      maxBytes: data.media?.max_bytes ?? PROJECT_SETTINGS_DEFAULTS.media.maxBytes,
      timeoutMs: data.media?.timeout_ms ?? PROJECT_SETTINGS_DEFAULTS.media.timeoutMs,
    },
    confidence: {
      method: data.confidence?.method ?? PROJECT_SETTINGS_DEFAULTS.confidence.method,
      samples: data.confidence?.samples ?? PROJECT_SETTINGS_DEFAULTS.confidence.samples,
    },
    examples: {
      count: data.examples?.count ?? PROJECT_SETTINGS_DEFAULTS.examples.count,
      strategy: data.examples?.strategy ?? PROJECT_SETTINGS_DEFAULTS.examples.strategy,
      maxCharacters: data.examples?.max_characters ?? PROJECT_SETTINGS_DEFAULTS.examples.maxCharacters,
    },
  };
}

/** An inline template's line is that of its first text line: for a block scalar, the line after `|` or `>`. */
function templateSource(
  context: CheckContext,
  inlineTemplate: string | undefined,
  templateFile: { file: string; text: string } | null,
): PromptTemplateSource | null {
  if (templateFile) return { text: templateFile.text, file: templateFile.file, line: 1 };
  if (inlineTemplate === undefined) return null;
  const node = locateYamlNode(context.document, ['prompt', 'template']).node;
  const isBlock = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  const line = positionOfNode(context.lineCounter, node).line + (isBlock ? 1 : 0);
  return { text: inlineTemplate, file: context.file, line };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return describeError(error);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
