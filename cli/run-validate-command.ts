import { statSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, PrelabelError, type ProjectConfigError } from '../core/errors';
import type { ProjectSettings } from '../core/spec/project-settings';
import { TOKENS } from '../core/tokens';
import { formatConfigProblem } from '../config/config-problem';
import { loadProjectFile, type LoadedProjectFile } from '../config/load-project-file';
import { ProjectConfigStore } from '../config/project-config-store';
import { checkProjectReadiness } from '../server/check-project-readiness';
import type { RootServices } from '../server/container';
import { ModelAccessChecks } from '../server/model-access-checks';
import { createProjectContainer } from '../server/project-pipelines';
import { readLabelConfigFile } from './read-label-config-file';

export interface ValidateOutcome {
  ok: boolean;
  lines: string[];
}

export interface ValidateOptions {
  /** Skip the provider checks (key, model), which ask the provider over the network. */
  offline?: boolean;
}

/**
 * The checks `/setup` makes, for one project's settings: the labeling config (when given) and, unless offline, the
 * provider's key and model (fallbacks only warned about).
 */
export async function validateProjectSettings(
  services: RootServices,
  settings: ProjectSettings,
  labelConfigXml: string | null,
  accessChecks: ModelAccessChecks,
  options: ValidateOptions = {},
): Promise<{ detail: string; problems: string[]; warnings: string[] }> {
  const container = createProjectContainer(services.container, settings, labelConfigXml ?? '<View/>');
  try {
    let detail = `${settings.provider.name} ${settings.provider.model}`;
    const pipeline = labelConfigXml === null ? undefined : container.resolve(TOKENS.Pipeline);
    if (pipeline) {
      detail += `, model_version ${pipeline.modelVersion}, controls: ${pipeline.targets.map((target) => target.control.name).join(', ') || 'none'}`;
    }
    const readiness = await checkProjectReadiness({
      pipeline,
      candidates: options.offline ? [] : container.resolve(TOKENS.ModelCandidates),
      settings,
      accessChecks,
    });
    return { detail, problems: readiness.problems.map((problem) => problem.message), warnings: readiness.warnings };
  } finally {
    await container.dispose();
  }
}

/**
 * The lines for one file's settings: its warnings, then `ok:` with the detail or an `error:` per problem. Provider
 * problems found at load come first with their line; the access check's copy of the same problem is left out.
 */
async function reportSettings(
  services: RootServices,
  loaded: Pick<LoadedProjectFile, 'file' | 'settings' | 'providerProblems'>,
  claims: string,
  labelConfigXml: string | null,
  accessChecks: ModelAccessChecks,
  options: ValidateOptions,
): Promise<ValidateOutcome> {
  const { file, settings, providerProblems } = loaded;
  const report = await validateProjectSettings(services, settings, labelConfigXml, accessChecks, options);
  const foundAtLoad = providerProblems.map((problem) => problem.message);
  const isFoundAtLoad = (text: string) => foundAtLoad.some((message) => text === message || text.endsWith(`: ${message}`));
  // Fallbacks are only warned about, as by the access check; offline, so is a missing key (the keys are the server's).
  const fallbackProblems = providerProblems.filter(
    (problem) => problem.field.startsWith('fallbacks') || (options.offline === true && problem.code === 'PROVIDER_KEY_MISSING'),
  );
  const lines = [
    ...fallbackProblems.map((problem) => `warning: ${formatConfigProblem(problem)}`),
    ...report.warnings.filter((warning) => !isFoundAtLoad(warning)).map((warning) => `warning: ${file}: ${warning}`),
  ];
  const problems = [
    ...providerProblems.filter((problem) => !fallbackProblems.includes(problem)).map(formatConfigProblem),
    ...report.problems.filter((problem) => !isFoundAtLoad(problem)).map((problem) => `${file}: ${problem}`),
  ];
  if (problems.length > 0) {
    return { ok: false, lines: [...lines, ...problems.map((problem) => `error: ${problem}`)] };
  }
  return { ok: true, lines: [...lines, `ok: ${file} (${report.detail}${claims ? `; ${claims}` : ''})`] };
}

/** One project YAML file on its own: the schema, names, prompt placeholders (with a labeling config), the provider. */
export async function validateProjectFile(
  services: RootServices,
  file: string,
  labelConfigXml: string | null,
  accessChecks: ModelAccessChecks,
  options: ValidateOptions = {},
): Promise<ValidateOutcome> {
  const registry = services.container.resolve(TOKENS.Registry);
  try {
    const loaded = loadProjectFile({ file, environment: services.environment, registry });
    return await reportSettings(services, loaded, '', labelConfigXml, accessChecks, options);
  } catch (error) {
    return { ok: false, lines: [`error: ${(error as Error).message}`] };
  }
}

/**
 * A whole projects folder, read exactly as the server reads it at start-up (ProjectConfigStore.loadAll): each
 * file, and across files a project id or the default claimed twice, which would stop the server.
 */
export async function validateProjectsFolder(
  services: RootServices,
  directory: string,
  labelConfigXml: string | null,
  accessChecks: ModelAccessChecks,
  options: ValidateOptions = {},
): Promise<ValidateOutcome> {
  const registry = services.container.resolve(TOKENS.Registry);
  const store = new ProjectConfigStore({ directory, environment: services.environment, registry, logger: services.logger });
  try {
    store.loadAll();
  } catch (error) {
    const problems =
      PrelabelError.isInstance(error) && error.code === ERROR_CODES.PROJECT_CONFIG_INVALID
        ? (error as ProjectConfigError).problems
        : [(error as Error).message];
    return { ok: false, lines: problems.map((problem) => `error: ${problem}`) };
  }
  const files = store.files();
  if (files.length === 0) return { ok: true, lines: [`ok: ${path.resolve(directory)} holds no project YAML files (every project gets the built-in default)`] };
  const outcomes: ValidateOutcome[] = [];
  for (const loaded of files) {
    const claims = [loaded.isDefault ? 'default' : '', loaded.projects.length > 0 ? `projects ${loaded.projects.join(', ')}` : ''].filter(Boolean).join('; ');
    try {
      outcomes.push(await reportSettings(services, loaded, claims, labelConfigXml, accessChecks, options));
    } catch (error) {
      outcomes.push({ ok: false, lines: [`error: ${loaded.file}: ${(error as Error).message}`] });
    }
  }
  return { ok: outcomes.every((outcome) => outcome.ok), lines: outcomes.flatMap((outcome) => outcome.lines) };
}

/**
 * `prelabel validate`: checks project YAML files, or whole projects folders, without starting the server: what
 * `/setup` would check (the labeling config's controls and placeholders when one is given, the provider's key and
 * model unless offline).
 */
export async function runValidateCommand(
  services: RootServices,
  paths: string[],
  labelConfig?: string,
  options: ValidateOptions = {},
): Promise<ValidateOutcome> {
  const labelConfigXml = labelConfig ? readLabelConfigFile(labelConfig) : null;
  const accessChecks = new ModelAccessChecks();
  const outcomes: ValidateOutcome[] = [];
  for (const target of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(target).isDirectory();
    } catch {
      outcomes.push({ ok: false, lines: [`error: ${target}: no such file or folder`] });
      continue;
    }
    outcomes.push(
      isFolder
        ? await validateProjectsFolder(services, target, labelConfigXml, accessChecks, options)
        : await validateProjectFile(services, target, labelConfigXml, accessChecks, options),
    );
  }
  return { ok: outcomes.every((outcome) => outcome.ok), lines: outcomes.flatMap((outcome) => outcome.lines) };
}
