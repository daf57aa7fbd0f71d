import { readFileSync } from 'node:fs';
import { TOKENS } from '../../core/tokens';
import { loadProjectFile } from '../../config/load-project-file';
import type { RootServices } from '../container';
import { createProjectContainer } from '../project-pipelines';

/**
 * `prelabel validate`: checks project YAML files without starting the server. With a labeling config it also builds
 * the pipeline, which checks the prompt template's placeholders against the config. Returns the lines to print.
 */
export function runValidateCommand(services: RootServices, files: string[], labelConfig?: string): { ok: boolean; lines: string[] } {
  const registry = services.container.resolve(TOKENS.Registry);
  const labelConfigXml = labelConfig ? readFileSync(labelConfig, 'utf8') : null;
  const lines: string[] = [];
  let ok = true;
  for (const file of files) {
    try {
      const loaded = loadProjectFile({ file, environment: services.environment, registry });
      let detail = `${loaded.settings.provider.name} ${loaded.settings.provider.model}`;
      if (labelConfigXml !== null) {
        const pipeline = createProjectContainer(services.container, loaded.settings, labelConfigXml).resolve(TOKENS.Pipeline);
        detail += `, model_version ${pipeline.modelVersion}, controls: ${pipeline.targets.map((target) => target.control.name).join(', ') || 'none'}`;
      }
      lines.push(`ok: ${file} (${detail})`);
    } catch (error) {
      ok = false;
      lines.push(`error: ${(error as Error).message}`);
    }
  }
  return { ok, lines };
}
