import { readFileSync } from 'node:fs';
import { TOKENS } from '../../core/tokens';
import { loadProjectFile } from '../../config/load-project-file';
import type { ProjectSettings } from '../../core/project-settings';
import { checkProjectReadiness } from '../check-project-readiness';
import type { RootServices } from '../container';
import { ModelAccessChecks } from '../model-access-checks';
import { createProjectContainer } from '../project-pipelines';

export interface ValidateOptions {
  /** Skip the provider checks (key, model), which ask the provider over the network. */
  offline?: boolean;
}

/**
 * `prelabel validate`: checks project YAML files without starting the server. With a labeling config it also builds
 * the pipeline, which checks the prompt template's placeholders against the config. Returns the lines to print.
 */
export async function runValidateCommand(
  services: RootServices,
  files: string[],
  labelConfig?: string,
  options: ValidateOptions = {},
): Promise<{ ok: boolean; lines: string[] }> {
  const registry = services.container.resolve(TOKENS.Registry);
  const labelConfigXml = labelConfig ? readFileSync(labelConfig, 'utf8') : null;
  const accessChecks = new ModelAccessChecks();
  const lines: string[] = [];
  let ok = true;
  for (const file of files) {
    try {
      const loaded = loadProjectFile({ file, environment: services.environment, registry });
      const report = await validateProjectSettings(services, loaded.settings, labelConfigXml, accessChecks, options);
      lines.push(...report.warnings.map((warning) => `warning: ${file}: ${warning}`));
      if (report.problems.length > 0) {
        ok = false;
        lines.push(...report.problems.map((problem) => `error: ${file}: ${problem}`));
      } else {
        lines.push(`ok: ${file} (${report.detail})`);
      }
    } catch (error) {
      ok = false;
      lines.push(`error: ${(error as Error).message}`);
    }
  }
  return { ok, lines };
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
