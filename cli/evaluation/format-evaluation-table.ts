import { compareControlRows, compareRows, confidenceRows, overallRows, type ComparisonRow } from './build-comparison-rows';
import type { ConfusionMatrix, EvaluationReport, EvaluationRun } from './evaluation-report';
import { controlNames, describeControl, describeModel, findControl } from './format-evaluation-values';

type TableLine = { heading: string } | { cells: string[] };

const INDENT = '  ';
const GAP = '  ';

/** Cells padded to their column's width; headings as they are. */
export function alignLines(lines: TableLine[]): string[] {
  const widths: number[] = [];
  for (const line of lines) {
    if ('cells' in line) line.cells.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  }
  return lines.map((line) =>
    'heading' in line ? line.heading : line.cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(GAP).trimEnd(),
  );
}

function rowLines(rows: ComparisonRow[]): TableLine[] {
  return rows.map((row) => ({ cells: [`${INDENT}${row.label}`, ...row.values] }));
}

function section(heading: string, rows: ComparisonRow[]): TableLine[] {
  return [{ heading: '' }, { heading }, ...rowLines(rows)];
}

/** Counts right-aligned under their column names; rows are the human labels. */
export function formatConfusionMatrix(matrix: ConfusionMatrix): string[] {
  const header = ['', ...matrix.columns];
  const rows = matrix.rows.map((label, index) => [label, ...(matrix.counts[index] ?? []).map(String)]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  return [header, ...rows].map(
    (row) => INDENT + row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join(GAP).trimEnd(),
  );
}

function confusionBlocks(runs: EvaluationRun[]): string[] {
  return controlNames(runs).flatMap((name) =>
    runs.flatMap((run) => {
      const control = findControl(run, name);
      if (control?.metrics.kind !== 'choices' || !control.metrics.confusion) return [];
      return ['', `${name}, ${run.name}: confusion matrix (rows: human, columns: model)`, ...formatConfusionMatrix(control.metrics.confusion)];
    }),
  );
}

function describeTaskCounts(report: EvaluationReport): string {
  const { tasks } = report;
  return `tasks: ${tasks.inFile} in the file, ${tasks.evaluated} evaluated, ${tasks.withoutAnnotations} without annotations, ${tasks.onlyCancelled} with only cancelled annotations`;
}

/** The report as plain text for a terminal: one column per configuration, figures aligned. */
export function formatEvaluationTable(report: EvaluationReport): string {
  const { runs } = report;
  const headingOf = (name: string) => {
    const control = runs.map((run) => findControl(run, name)).find((found) => found !== undefined);
    return control ? describeControl(control) : name;
  };
  const lines: TableLine[] = [
    { cells: ['', ...runs.map((run) => run.name)] },
    { cells: ['model', ...runs.map(describeModel)] },
    { cells: ['model_version', ...runs.map((run) => run.modelVersion)] },
    ...controlNames(runs).flatMap((name) => section(headingOf(name), compareControlRows(runs, name))),
    ...section('overall', compareRows(runs, overallRows)),
    ...section('confidence (prediction.score; a task is right when every evaluated control is right)', compareRows(runs, (run) => confidenceRows(run.confidence))),
  ];
  const notEvaluated = report.notEvaluated.map((skipped) => `not evaluated: ${skipped.control} (${skipped.reason})`);
  return [
    `prelabel eval: ${report.tasksFile} with ${report.labelConfigFile}`,
    describeTaskCounts(report),
    ...notEvaluated,
    '',
    ...alignLines(lines),
    ...confusionBlocks(runs),
    '',
  ].join('\n');
}
