import { readFileSync, writeFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import type { LabelStudioTask } from '../../core/label-studio';
import type { Pipeline } from '../../core/pipeline';
import type { ProjectSettings } from '../../core/project-settings';
import { TOKENS } from '../../core/tokens';
import { loadProjectFile } from '../../config/load-project-file';
import type { RootServices } from '../container';
import { createProjectContainer } from '../project-pipelines';
import { readTasksFile } from './read-tasks-file';

export interface PredictCommandOptions {
  labelConfig: string;
  tasks: string;
  out: string;
  projectYaml?: string;
  project?: string;
  /** Show a progress bar (on a terminal). */
  progress: boolean;
}

/** Builds the project's pipeline as the server would: from a given YAML, else the projects folder, else the default. */
export function createCommandPipeline(
  services: RootServices,
  labelConfigXml: string,
  projectYaml?: string,
  project?: string,
): { pipeline: Pipeline; settings: ProjectSettings } {
  const settings = projectYaml
    ? loadProjectFile({ file: projectYaml, environment: services.environment, registry: services.container.resolve(TOKENS.Registry) }).settings
    : (services.store.loadAll(), services.store.settingsFor(project ?? null).settings);
  return { pipeline: createProjectContainer(services.container, settings, labelConfigXml).resolve(TOKENS.Pipeline), settings };
}

/**
 * `prelabel predict`: reads a Label Studio task file, predicts every task through the same pipeline as the server,
 * writes the same tasks with one more entry in `predictions`, ready to import into Label Studio.
 */
export async function runPredictCommand(services: RootServices, options: PredictCommandOptions): Promise<{ predicted: number; failed: number; empty: number }> {
  const labelConfigXml = readFileSync(options.labelConfig, 'utf8');
  const { pipeline } = createCommandPipeline(services, labelConfigXml, options.projectYaml, options.project);
  const { tasks, original } = readTasksFile(options.tasks);

  const bar = options.progress ? new SingleBar({ format: 'prelabel |{bar}| {value}/{total} tasks | {failed} failed | ETA {eta_formatted}', hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  let failed = 0;
  bar?.start(tasks.length, 0, { failed });
  const outcomes = await pipeline.predictAll(tasks, {
    onSettled: (_index, outcome) => {
      if (outcome.error) failed += 1;
      bar?.increment(1, { failed });
    },
  });
  bar?.stop();

  const output = tasks.map((task, index) => {
    const source = original[index] as Record<string, unknown>;
    const base: LabelStudioTask = source === task ? { ...task } : { data: task.data };
    const earlier = Array.isArray(base.predictions) ? base.predictions : [];
    return { ...base, predictions: [...earlier, (outcomes[index] as (typeof outcomes)[number]).prediction] };
  });
  writeFileSync(options.out, `${JSON.stringify(output, null, 2)}\n`);
  const empty = outcomes.filter((outcome) => !outcome.error && outcome.prediction.result.length === 0).length;
  return { predicted: tasks.length - failed, failed, empty };
}
