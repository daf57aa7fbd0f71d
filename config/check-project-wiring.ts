import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ComponentKind, Registry } from '../core/registry';
import { controlEntries } from './convert-to-project-settings';
import { PROJECT_SETTINGS_DEFAULTS } from './default-project-settings';
import { DEFAULT_PROVIDER_NAME, DEFAULT_STAGE_NAMES } from './default-stage-names';
import type { EnvironmentReferenceSite } from './interpolate-environment';
import { loadPlugin } from './load-plugin';
import { locateYamlNode } from './locate-yaml-node';
import { asRecord, describeFileError, describeThrown, problemAt, type CheckContext } from './project-file-context';

export interface ProjectWiring {
  /** Absolute paths of the plugin modules loaded. */
  pluginFiles: string[];
  /** The template file the prompt names, read (text '' when it could not be), or null. */
  templateFile: { file: string; text: string } | null;
}

/**
 * The checks the schema cannot make, on a file that may still have schema problems (each check skips what it
 * cannot read): plugins load first (so the names they register can be used), then registered names (providers,
 * stages, tasks), API keys only from the environment, cross-field rules, and the template file. Each adds its
 * problems to the context.
 */
export function checkProjectWiring(
  context: CheckContext,
  data: Record<string, unknown>,
  options: { registry: Registry; references: EnvironmentReferenceSite[] },
): ProjectWiring {
  const pluginFiles = loadPlugins(context, data, options.registry);
  checkApiKey(context, data, options.references);
  checkRegisteredNames(context, data, options.registry);
  // The provider settings (a missing key, a bad base_url) are checked here: after the names, before the rest.
  checkControlEntries(context, data, options.registry);
  checkRetryDelays(context, data);
  checkChunkOverlap(context, data);
  return { pluginFiles, templateFile: readTemplateFile(context, data) };
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

/**
 * Each `controls.<name>.task` names a registered task (plugins are loaded by now); a control's instructions are
 * given once. Whether the task fits the control's type is checked when the labeling config is known (/setup).
 */
function checkControlEntries(context: CheckContext, data: Record<string, unknown>, registry: Registry): void {
  const sharedInstructions = asRecord(asRecord(data.controls)?.instructions) ?? {};
  for (const [name, entry] of controlEntries(data.controls)) {
    if (typeof entry.task === 'string' && !registry.has('task', entry.task)) {
      const available = registry.names('task').join(', ') || 'none';
      context.problems.push(problemAt(context, ['controls', name, 'task'], `no task named "${entry.task}" is registered (available: ${available})`));
    }
    if (entry.instructions !== undefined && Object.prototype.hasOwnProperty.call(sharedInstructions, name)) {
      context.problems.push(
        problemAt(context, ['controls', name, 'instructions'], `the instructions of "${name}" are also given in controls.instructions: give them once`),
      );
    }
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
      context.problems.push(problemAt(context, ['plugins', index], `plugin "${specifier}": ${describeThrown(error)}`));
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

