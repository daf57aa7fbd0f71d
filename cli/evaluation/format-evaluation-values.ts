import type { ControlEvaluation, EvaluationRun, PrecisionRecall, Ratio } from './evaluation-report';

export const NOT_AVAILABLE = 'n/a';

export function formatRate(rate: number | null): string {
  return rate === null ? NOT_AVAILABLE : rate.toFixed(3);
}

/** `0.500 (3/6)`. */
export function formatRatio(ratio: Ratio): string {
  return `${formatRate(ratio.rate)} (${ratio.count}/${ratio.total})`;
}

/** `precision / recall / F1`. */
export function formatPrecisionRecall(figures: PrecisionRecall): string {
  return [figures.precision, figures.recall, figures.f1].map(formatRate).join(' / ');
}

export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

export function formatTaskCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'task' : 'tasks'}`;
}

/** Dollars: cents from $1 up, three significant digits below. */
export function formatUsd(usd: number | null): string {
  if (usd === null) return NOT_AVAILABLE;
  if (usd === 0 || usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${Number(usd.toPrecision(3))}`;
}

export function formatDuration(milliseconds: number | null): string {
  if (milliseconds === null) return NOT_AVAILABLE;
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)} s`;
  const minutes = Math.floor(milliseconds / 60_000);
  const seconds = Math.round((milliseconds % 60_000) / 1000);
  if (minutes < 60) return `${minutes} min ${seconds} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatThreshold(threshold: number): string {
  return threshold.toFixed(2);
}

/** `sentiment (Choices, single)`. */
export function describeControl(control: ControlEvaluation): string {
  const choice = control.metrics.kind === 'choices' ? `, ${control.metrics.multiple ? 'multiple' : 'single'}` : '';
  return `${control.control} (${control.type}${choice})`;
}

export function describeModel(run: EvaluationRun): string {
  return `${run.provider} ${run.model}`;
}

/** `$0.015 ($2.50 per 1,000 tasks)`, or why there is no figure. */
export function formatCost(run: EvaluationRun): string {
  const { cost } = run.overall;
  if (cost.usd === null) return `${NOT_AVAILABLE} (no known price for ${run.model})`;
  return `${formatUsd(cost.usd)} (${formatUsd(cost.usdPerThousandTasks)} per 1,000 tasks)`;
}

export function formatTokens(tokens: number, perThousand: number | null): string {
  return `${formatCount(tokens)} (${perThousand === null ? NOT_AVAILABLE : formatCount(perThousand)} per 1,000 tasks)`;
}

export function formatWallTime(run: EvaluationRun): string {
  return `${formatDuration(run.overall.wallTimeMs)} (${formatDuration(run.overall.wallTimePerThousandTasksMs)} per 1,000 tasks)`;
}

/** The names of the controls of every run, in order of first appearance. */
export function controlNames(runs: EvaluationRun[]): string[] {
  return [...new Set(runs.flatMap((run) => run.controls.map((control) => control.control)))];
}

export function findControl(run: EvaluationRun, name: string): ControlEvaluation | undefined {
  return run.controls.find((control) => control.control === name);
}
