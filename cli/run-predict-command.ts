import { writeFileSync } from 'node:fs';
import { describeError } from '../core/errors';
import type { LabelStudioTask } from '../core/spec/label-studio';
import type { ProjectPipeline as Pipeline } from '../core/spec/project-pipeline';
import type { ProjectSettings } from '../core/spec/project-settings';
import { TOKENS } from '../core/tokens';
import { loadProjectFile } from '../config/load-project-file';
import type { RootServices } from '../server/container';
import { createProjectContainer } from '../server/project-pipelines';
import type { TerminalLogDestination } from '../server/terminal-log-destination';
import { readLabelConfigFile } from './read-label-config-file';
import { readTasksFile } from './read-tasks-file';
import { startTaskProgress } from './start-task-progress';

export interface PredictCommandOptions {
  labelConfig: string;
  tasks: string;
  out: string;
  projectYaml?: string;
  project?: string;
  /** Show a progress bar (on a terminal). */
  progress: boolean;
  /** The logger's destination; log lines go through it above the progress bar. */
  logDestination?: TerminalLogDestination;
}

/** A task that failed: its place in the tasks file, its Label Studio id when it has one, and why. */
export interface FailedTask {
  index: number;
  taskId: number | string | null;
  code: string | null;
  reason: string;
}

export interface PredictSummary {
  total: number;
  /** Tasks with a prediction written (some may hold no result: the model had nothing to suggest). */
  predicted: number;
  /** Of the predicted tasks, those whose prediction holds no result. */
  empty: number;
  failed: FailedTask[];
  /** Whether the output file was written (not when no task was predicted). */
  written: boolean;
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
 * writes the same tasks with one more entry in `predictions`, ready to import into Label Studio. A task that failed
 * gets no new prediction (an empty one would look predicted once imported) and is listed in the summary. When no task
 * was predicted, nothing is written.
 */
export async function runPredictCommand(services: RootServices, options: PredictCommandOptions): Promise<PredictSummary> {
  const labelConfigXml = readLabelConfigFile(options.labelConfig);
  const { pipeline } = createCommandPipeline(services, labelConfigXml, options.projectYaml, options.project);
  const { tasks, original } = readTasksFile(options.tasks);

  const progress = startTaskProgress({ name: 'prelabel', total: tasks.length, enabled: options.progress, logDestination: options.logDestination });
  let outcomes;
  try {
    outcomes = await pipeline.predictAll(tasks, { onSettled: (_index, outcome) => progress.settled(Boolean(outcome.error)) });
  } finally {
    progress.stop();
  }

  const failed: FailedTask[] = [];
  const output = tasks.map((task, index) => {
    const outcome = outcomes[index] as (typeof outcomes)[number];
    const source = original[index] as Record<string, unknown>;
    const base: LabelStudioTask = source === task ? { ...task } : { data: task.data };
    const earlier = Array.isArray(base.predictions) ? base.predictions : [];
    if (outcome.error) {
      const { code, message } = describeError(outcome.error);
      failed.push({ index, taskId: task.id ?? null, code: code ?? null, reason: message });
      return { ...base, predictions: earlier };
    }
    return { ...base, predictions: [...earlier, outcome.prediction] };
  });
  const predicted = tasks.length - failed.length;
  if (predicted > 0) writeFileSync(options.out, `${JSON.stringify(output, null, 2)}\n`);
  const empty = outcomes.filter((outcome) => !outcome.error && outcome.prediction.result.length === 0).length;
  return { total: tasks.length, predicted, empty, failed, written: predicted > 0 };
}

/** How a failed task is named: its Label Studio id, else its place in the tasks file. */
function nameOf(task: FailedTask): string {
  return task.taskId === null ? `task #${task.index + 1} in the file (no id)` : `task ${task.taskId}`;
}

/** The block printed at the end of `prelabel predict`: counts, the failed tasks with their reasons, what was written. */
export function formatPredictSummary(summary: PredictSummary, out: string, allowedFailures: number): string {
  const lines = [
    `prelabel predict: ${summary.total} tasks: ${summary.predicted} predicted (${summary.empty} with nothing to suggest), ${summary.failed.length} failed`,
  ];
  const shown = summary.failed.slice(0, 50);
  for (const task of shown) lines.push(`  failed: ${nameOf(task)}: ${task.code ? `${task.code}: ` : ''}${task.reason}`);
  if (summary.failed.length > shown.length) lines.push(`  ... and ${summary.failed.length - shown.length} more failed tasks`);
  if (summary.total === 0) {
    lines.push(`  nothing written to ${out}: the tasks file holds no task`);
  } else if (!summary.written) {
    lines.push(`  nothing written to ${out}: no task was predicted; fix the cause above and run again`);
  } else if (summary.failed.length === 0) {
    lines.push(`  wrote ${out}: every task has a new prediction, ready to import into Label Studio`);
  } else {
    lines.push(
      `  wrote ${out}: ${summary.predicted} tasks with a new prediction; the ${summary.failed.length} failed tasks are written without one (import them and Retrieve Predictions later, or run again)`,
    );
  }
  if (summary.failed.length > allowedFailures) {
    lines.push(`  exit code 1: ${summary.failed.length} failed, more than --allow-failures ${allowedFailures}`);
  }
  return `${lines.join('\n')}\n`;
}
