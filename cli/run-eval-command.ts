import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RequestInvalidError } from '../core/errors';
import type { ProjectPipeline as Pipeline, PredictionOutcome } from '../core/spec/project-pipeline';
import type { ProjectSettings } from '../core/spec/project-settings';
import type { SkippedControl } from '../core/pipeline/select-targets';
import type { RootServices } from '../server/container';
import { notScored } from './evaluation/evaluate-control';
import { evaluateRun } from './evaluation/evaluate-run';
import type { EvaluationReport, EvaluationRun } from './evaluation/evaluation-report';
import { formatEvaluationTable } from './evaluation/format-evaluation-table';
import { readEvaluationTasks, type EvaluationTask } from './evaluation/read-evaluation-tasks';
import { renderEvaluationHtml } from './evaluation/render-evaluation-html';
import { priceFor } from '../server/metrics/model-prices';
import type { TerminalLogDestination } from '../server/terminal-log-destination';
import { readLabelConfigFile } from './read-label-config-file';
import { createCommandPipeline } from './run-predict-command';
import { startTaskProgress } from './start-task-progress';

export interface EvalCommandOptions {
  labelConfig: string;
  tasks: string;
  projectYaml?: string;
  project?: string;
  /** A second project YAML file, evaluated on the same tasks. */
  compare?: string;
  json?: string;
  html?: string;
  /** Show a progress bar (on a terminal). */
  progress: boolean;
  /** The logger's destination; log lines go through it above the progress bar. */
  logDestination?: TerminalLogDestination;
}

interface Configuration {
  projectYaml?: string;
  project?: string;
}

export const BUILT_IN_DEFAULT_NAME = 'built-in default';

async function predictWithProgress(
  pipeline: Pipeline,
  tasks: EvaluationTask[],
  name: string,
  progressOptions: { progress: boolean; logDestination?: TerminalLogDestination },
): Promise<{ outcomes: PredictionOutcome[]; wallTimeMs: number }> {
  const progress = startTaskProgress({ name, total: tasks.length, enabled: progressOptions.progress, logDestination: progressOptions.logDestination });
  const started = performance.now();
  try {
    const outcomes = await pipeline.predictAll(
      tasks.map(({ task }) => task),
      { onSettled: (_index, outcome) => progress.settled(Boolean(outcome.error)) },
    );
    return { outcomes, wallTimeMs: performance.now() - started };
  } finally {
    progress.stop();
  }
}

interface PreparedConfiguration {
  pipeline: Pipeline;
  settings: ProjectSettings;
  name: string;
}

function prepareConfiguration(services: RootServices, labelConfigXml: string, configuration: Configuration): PreparedConfiguration {
  const { pipeline, settings } = createCommandPipeline(services, labelConfigXml, configuration.projectYaml, configuration.project);
  return { pipeline, settings, name: settings.sourceFile ? path.basename(settings.sourceFile) : BUILT_IN_DEFAULT_NAME };
}

async function evaluateConfiguration(
  prepared: PreparedConfiguration,
  tasks: EvaluationTask[],
  progress: { progress: boolean; logDestination?: TerminalLogDestination },
): Promise<EvaluationRun> {
  const { pipeline, settings, name } = prepared;
  const { outcomes, wallTimeMs } = await predictWithProgress(pipeline, tasks, name, progress);
  return evaluateRun({
    name,
    projectFile: settings.sourceFile,
    provider: settings.provider.name,
    model: settings.provider.model,
    price: priceFor(settings.provider.model, settings.provider.prices),
    modelVersion: pipeline.modelVersion,
    targets: pipeline.targets,
    tasks,
    outcomes,
    wallTimeMs,
  });
}

/** Controls some configuration does not fill, each named once. */
function notEvaluated(skipped: SkippedControl[]): SkippedControl[] {
  return [...new Map(skipped.map((control) => [control.control, control])).values()];
}

/** Two runs of files with the same name are told apart by their paths. */
function distinctNames(runs: EvaluationRun[]): EvaluationRun[] {
  const names = runs.map((run) => run.name);
  if (new Set(names).size === names.length) return runs;
  return runs.map((run) => ({ ...run, name: run.projectFile ?? run.name }));
}

/**
 * `prelabel eval`: predicts every task of a Label Studio export that has a human annotation, through the same
 * pipeline as the server (cache-aware, concurrent), and compares the predictions with the annotations; with
 * `--compare`, a second configuration on the same tasks.
 */
export async function runEvalCommand(services: RootServices, options: EvalCommandOptions): Promise<{ report: EvaluationReport; table: string }> {
  const labelConfigXml = readLabelConfigFile(options.labelConfig);
  const { tasks, counts } = readEvaluationTasks(options.tasks);
  if (tasks.length === 0) {
    throw new RequestInvalidError('no task has a human annotation to compare with (an annotation that is not cancelled)', {
      location: { file: options.tasks },
    });
  }
  // both pipelines are built before any task is predicted: a broken --compare file fails at once
  const configurations: Configuration[] = [
    { projectYaml: options.projectYaml, project: options.project },
    ...(options.compare ? [{ projectYaml: options.compare }] : []),
  ];
  const prepared = configurations.map((configuration) => prepareConfiguration(services, labelConfigXml, configuration));
  const runs: EvaluationRun[] = [];
  for (const configuration of prepared) runs.push(await evaluateConfiguration(configuration, tasks, options));
  const report: EvaluationReport = {
    labelConfigFile: options.labelConfig,
    tasksFile: options.tasks,
    tasks: counts,
    notEvaluated: notEvaluated(prepared.flatMap(({ pipeline }) => [...pipeline.skipped, ...notScored(pipeline.targets)])),
    runs: distinctNames(runs),
  };
  if (options.json) writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  if (options.html) writeFileSync(options.html, renderEvaluationHtml(report));
  return { report, table: formatEvaluationTable(report) };
}
