import type { ConfidenceMetrics, ControlEvaluation, ControlMetrics, EvaluationRun } from './evaluation-report';
import {
  findControl,
  formatCost,
  formatCount,
  formatPrecisionRecall,
  formatRate,
  formatRatio,
  formatTaskCount,
  formatThreshold,
  formatTokens,
  formatWallTime,
} from './format-evaluation-values';

/** A figure's label and its formatted value. */
export type MetricRow = [label: string, value: string];

/** One figure across the runs, side by side. */
export interface ComparisonRow {
  label: string;
  values: string[];
}

export const NOT_EVALUATED = '-';

function metricRows(metrics: ControlMetrics): MetricRow[] {
  switch (metrics.kind) {
    case 'choices':
      return [
        ['accuracy', formatRatio(metrics.accuracy)],
        ['macro-F1', formatRate(metrics.macroF1)],
        ...metrics.labels.map((score): MetricRow => [`${score.label} P / R / F1`, [score.precision, score.recall, score.f1].map(formatRate).join(' / ')]),
      ];
    case 'spans':
      return [
        ['strict P / R / F1', formatPrecisionRecall(metrics.strict)],
        ['partial P / R / F1', formatPrecisionRecall(metrics.partial)],
        ['spans matched strict / partial', `${metrics.strict.matched} / ${metrics.partial.matched}`],
        ['spans predicted / human', `${metrics.strict.predicted} / ${metrics.strict.gold}`],
      ];
    case 'text':
      return [
        ['exact match', formatRatio(metrics.exactMatch)],
        [`near match (token F1 >= ${metrics.nearMatchMinimumTokenF1})`, formatRatio(metrics.nearMatch)],
        ['mean token F1', formatRate(metrics.meanTokenF1)],
      ];
    case 'exact':
      return [['exact match', formatRatio(metrics.exactMatch)]];
  }
}

export function controlRows(control: ControlEvaluation): MetricRow[] {
  return [
    ...metricRows(control.metrics),
    ['coverage', formatRatio(control.coverage)],
    ['abstentions', formatCount(control.abstentions)],
    ['invalid outputs', formatCount(control.invalidOutputs)],
    ['failures', formatCount(control.failures)],
  ];
}

export function overallRows(run: EvaluationRun): MetricRow[] {
  const { overall } = run;
  return [
    ['tasks', formatCount(overall.tasks)],
    ['tasks right (every control)', formatRatio(overall.tasksRight)],
    ['failed tasks', formatCount(overall.failedTasks)],
    ['input tokens', formatTokens(overall.inputTokens, overall.inputTokensPerThousandTasks)],
    ['output tokens', formatTokens(overall.outputTokens, overall.outputTokensPerThousandTasks)],
    ['cost', formatCost(run)],
    ['wall time', formatWallTime(run)],
  ];
}

export function confidenceRows(confidence: ConfidenceMetrics): MetricRow[] {
  if (!confidence.available) return [['confidence', confidence.reason]];
  return [
    ['scored tasks', formatRatio(confidence.scoredTasks)],
    ['AUROC (right vs wrong)', formatRate(confidence.auroc)],
    ['expected calibration error', formatRate(confidence.expectedCalibrationError)],
    ...confidence.thresholds.map((row): MetricRow => [`accuracy at score >= ${formatThreshold(row.threshold)}`, formatRatio(row.accuracy)]),
    ...confidence.reliability.map((bin): MetricRow => [
      `reliability ${bin.lower.toFixed(1)}-${bin.upper.toFixed(1)}`,
      bin.tasks === 0 ? '0 tasks' : `mean score ${formatRate(bin.meanScore)}, accuracy ${formatRate(bin.accuracy)}, ${formatTaskCount(bin.tasks)}`,
    ]),
  ];
}

/** Rows of every run merged by label, in order of first appearance; a run without the figure shows "-". */
export function compareRows(runs: EvaluationRun[], rowsOf: (run: EvaluationRun) => MetricRow[] | null): ComparisonRow[] {
  const perRun = runs.map((run) => new Map(rowsOf(run) ?? []));
  const labels = [...new Set(perRun.flatMap((rows) => [...rows.keys()]))];
  return labels.map((label) => ({ label, values: perRun.map((rows) => rows.get(label) ?? NOT_EVALUATED) }));
}

export function compareControlRows(runs: EvaluationRun[], name: string): ComparisonRow[] {
  return compareRows(runs, (run) => {
    const control = findControl(run, name);
    return control ? controlRows(control) : null;
  });
}
