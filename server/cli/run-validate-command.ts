import { statSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES, PrelabelError, type ProjectConfigError } from '../../core/errors';
import type { ProjectSettings } from '../../core/project-settings';
import { TOKENS } from '../../core/tokens';
import { loadProjectFile } from '../../config/load-project-file';
import { ProjectConfigStore } from '../../config/project-config-store';
import type { RootServices } from '../container';
import { createProjectContainer } from '../project-pipelines';
import { readLabelConfigFile } from './read-label-config-file';

export interface ValidateOutcome {
  ok: boolean;
  lines: string[];
}

/** The detail printed after `ok:` for one file: provider and model, and with a labeling config the pipeline's. */
function describeSettings(services: RootServices, settings: ProjectSettings, labelConfigXml: string | null): string {
  let detail = `${settings.provider.name} ${settings.provider.model}`;
  if (labelConfigXml !== null) {
    const pipeline = createProjectContainer(services.container, settings, labelConfigXml).resolve(TOKENS.Pipeline);
    detail += `, model_version ${pipeline.modelVersion}, controls: ${pipeline.targets.map((target) => target.control.name).join(', ') || 'none'}`;
  }
  return detail;
}

/** One project YAML file on its own: the schema, names, prompt placeholders (with a labeling config). */
export function validateProjectFile(services: RootServices, file: string, labelConfigXml: string | null): ValidateOutcome {
  const registry = services.container.resolve(TOKENS.Registry);
  try {
    const loaded = loadProjectFile({ file, environment: services.environment, registry });
    return { ok: true, lines: [`ok: ${file} (${describeSettings(services, loaded.settings, labelConfigXml)})`] };
  } catch (error) {
    return { ok: false, lines: [`error: ${(error as Error).message}`] };
  }
}

/**
 * A whole projects folder, read exactly as the server reads it at start-up (ProjectConfigStore.loadAll): each
 * file, and across files a project id or the default claimed twice, which would stop the server.
 */
export function validateProjectsFolder(services: RootServices, directory: string, labelConfigXml: string | null): ValidateOutcome {
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
  const lines: string[] = [];
  let ok = true;
  for (const loaded of files) {
    try {
      const claims = [loaded.isDefault ? 'default' : '', loaded.projects.length > 0 ? `projects ${loaded.projects.join(', ')}` : ''].filter(Boolean).join('; ');
      lines.push(`ok: ${loaded.file} (${describeSettings(services, loaded.settings, labelConfigXml)}${claims ? `; ${claims}` : ''})`);
    } catch (error) {
      ok = false;
      lines.push(`error: ${loaded.file}: ${(error as Error).message}`);
    }
  }
  return { ok, lines };
}

/**
 * `prelabel validate`: checks project YAML files, or whole projects folders, without starting the server. With a
 * labeling config it also builds each pipeline, which checks the prompt template's placeholders against the config.
 */
export function runValidateCommand(services: RootServices, paths: string[], labelConfig?: string): ValidateOutcome {
  const labelConfigXml = labelConfig ? readLabelConfigFile(labelConfig) : null;
  const outcomes = paths.map((target) => {
    let isFolder: boolean;
    try {
      isFolder = statSync(target).isDirectory();
    } catch {
      return { ok: false, lines: [`error: ${target}: no such file or folder`] };
    }
    return isFolder ? validateProjectsFolder(services, target, labelConfigXml) : validateProjectFile(services, target, labelConfigXml);
  });
  return { ok: outcomes.every((outcome) => outcome.ok), lines: outcomes.flatMap((outcome) => outcome.lines) };
}
