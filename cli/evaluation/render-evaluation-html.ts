import { compareControlRows, compareRows, confidenceRows, overallRows, type ComparisonRow } from './build-comparison-rows';
import { NO_CONFIDENCE_SCORES } from './compute-confidence-metrics';
import { NEAR_MATCH_MINIMUM_TOKEN_F1 } from '../../core/evaluation-metrics/compute-text-metrics';
import { escapeHtml } from './escape-html';
import type { EvaluationReport, EvaluationRun } from './evaluation-report';
import { controlNames, describeControl, describeModel, findControl, formatCost, formatDuration, formatRatio } from './format-evaluation-values';
import { renderConfusionMatrixHtml } from './render-confusion-matrix-html';
import { renderReliabilitySvg } from './render-reliability-svg';

export const RUN_COLOURS = ['#2563eb', '#d97706', '#7c3aed', '#059669'];

const STYLE = `
:root { color-scheme: light; --border: #e5e7eb; --muted: #6b7280; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #f3f4f6; margin: 0; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 12px; }
h3 { font-size: 15px; margin: 0 0 10px; }
.muted { color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
.card { background: #fff; border: 1px solid var(--border); border-radius: 10px; padding: 16px 18px; }
.run { border-top: 4px solid var(--run-colour); }
.run dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 8px 0 0; }
.run dt { color: var(--muted); }
.run dd { margin: 0; font-variant-numeric: tabular-nums; }
.headline { font-size: 26px; font-weight: 600; }
code { font-size: 12px; word-break: break-all; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.figures { width: 100%; }
table.figures th, table.figures td { text-align: left; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--border); vertical-align: top; }
table.figures thead th { color: var(--muted); font-weight: 500; }
table.figures td { white-space: nowrap; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; background: var(--run-colour); }
.matrices { display: flex; flex-wrap: wrap; gap: 20px; margin-top: 14px; }
table.confusion caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
table.confusion th, table.confusion td { border: 1px solid var(--border); padding: 5px 9px; }
table.confusion th { background: #f9fafb; font-weight: 500; }
table.confusion td.count { text-align: right; min-width: 44px; }
.corner { color: var(--muted); font-size: 12px; }
.legend { margin-right: 14px; }
figure { margin: 0; }
.confidence figure { margin-bottom: 16px; }
.confidence table.figures th[scope="row"] { white-space: nowrap; }
svg.reliability text { font-size: 11px; fill: #374151; }
.no-scores { font-size: 16px; }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
`;

function runStyle(index: number): string {
  return `--run-colour: ${RUN_COLOURS[index % RUN_COLOURS.length]}`;
}

function runHeader(runs: EvaluationRun[]): string {
  return runs.map((run, index) => `<th scope="col"><span class="swatch" style="${runStyle(index)}"></span>${escapeHtml(run.name)}</th>`).join('');
}

function renderFigures(runs: EvaluationRun[], rows: ComparisonRow[]): string {
  const body = rows
    .map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th>${row.values.map((value) => `<td>${escapeHtml(value)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table class="figures"><thead><tr><th scope="col">figure</th>${runHeader(runs)}</tr></thead>\n<tbody>${body}</tbody></table>`;
}

function renderRunCard(run: EvaluationRun, index: number): string {
  return `<section class="card run" style="${runStyle(index)}">
<h3>${escapeHtml(run.name)}</h3>
<div class="muted">tasks right (every control)</div>
<div class="headline">${escapeHtml(formatRatio(run.overall.tasksRight))}</div>
<dl>
<dt>model</dt><dd>${escapeHtml(describeModel(run))}</dd>
<dt>model_version</dt><dd><code>${escapeHtml(run.modelVersion)}</code></dd>
<dt>cost</dt><dd>${escapeHtml(formatCost(run))}</dd>
<dt>wall time</dt><dd>${escapeHtml(formatDuration(run.overall.wallTimeMs))}</dd>
<dt>failed tasks</dt><dd>${run.overall.failedTasks}</dd>
</dl>
</section>`;
}

function renderMatrices(runs: EvaluationRun[], name: string): string {
  const matrices = runs.flatMap((run) => {
    const control = findControl(run, name);
    if (control?.metrics.kind !== 'choices' || !control.metrics.confusion) return [];
    return [renderConfusionMatrixHtml(control.metrics.confusion, `${run.name}: rows human, columns model`)];
  });
  return matrices.length === 0 ? '' : `<div class="matrices">${matrices.join('\n')}</div>`;
}

function renderControlCard(runs: EvaluationRun[], name: string): string {
  const control = runs.map((run) => findControl(run, name)).find((found) => found !== undefined);
  const title = control ? describeControl(control) : name;
  return `<section class="card control">
<h3>${escapeHtml(title)}</h3>
${renderFigures(runs, compareControlRows(runs, name))}
${renderMatrices(runs, name)}
</section>`;
}

function renderLegend(series: Array<{ name: string; colour: string }>): string {
  return series.map(({ name, colour }) => `<span class="legend"><span class="swatch" style="--run-colour: ${colour}"></span>${escapeHtml(name)}</span>`).join(' ');
}

function renderConfidence(runs: EvaluationRun[]): string {
  const scored = runs.flatMap((run, index) => (run.confidence.available ? [{ run, index, bins: run.confidence.reliability }] : []));
  if (scored.length === 0) {
    return `<section class="card"><p class="no-scores">${NO_CONFIDENCE_SCORES}: <code>prediction.score</code> is null for every task.</p></section>`;
  }
  const series = scored.map(({ run, index, bins }) => ({ name: run.name, colour: RUN_COLOURS[index % RUN_COLOURS.length] as string, bins }));
  return `<section class="card confidence">
<figure>${renderReliabilitySvg(series)}
<figcaption>${renderLegend(series)}<div class="muted">Reliability: mean score against accuracy in 10 score bins (dot size: tasks).<br>Dashed: perfectly calibrated.</div></figcaption></figure>
${renderFigures(runs, compareRows(runs, (run) => confidenceRows(run.confidence)))}
</section>`;
}

function renderNotEvaluated(report: EvaluationReport): string {
  if (report.notEvaluated.length === 0) return '';
  const items = report.notEvaluated.map((skipped) => `<li>${escapeHtml(skipped.control)}: ${escapeHtml(skipped.reason)}</li>`).join('');
  return `<p class="muted">Not evaluated (prelabel does not fill them):</p><ul class="muted">${items}</ul>`;
}

/** A self-contained HTML page: run cards, one card per control with the runs side by side, overall figures, confidence. */
export function renderEvaluationHtml(report: EvaluationReport): string {
  const { runs, tasks } = report;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>prelabel evaluation: ${escapeHtml(report.tasksFile)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>prelabel evaluation</h1>
<div class="muted">${escapeHtml(report.tasksFile)} with ${escapeHtml(report.labelConfigFile)}</div>
<div>${tasks.inFile} tasks in the file: <strong>${tasks.evaluated} evaluated</strong>, ${tasks.withoutAnnotations} without annotations, ${tasks.onlyCancelled} with only cancelled annotations.</div>
${renderNotEvaluated(report)}
</header>
<h2>Configurations</h2>
<div class="grid">${runs.map(renderRunCard).join('\n')}</div>
<h2>Controls</h2>
<div class="grid">${controlNames(runs).map((name) => renderControlCard(runs, name)).join('\n')}</div>
<h2>Overall</h2>
<section class="card">${renderFigures(runs, compareRows(runs, overallRows))}</section>
<h2>Confidence</h2>
${renderConfidence(runs)}
<footer>
<p>Ground truth: the annotation marked ground truth, else the first one not cancelled. Coverage: tasks the model answered the control for, of the evaluated tasks.
Choices accuracy: the same set of labels. Spans: strict = same start, end and label; partial = overlapping with the same label, each span matched at most once.
TextArea: exact = equal after trimming and case folding; near = token F1 of at least ${NEAR_MATCH_MINIMUM_TOKEN_F1}. Cost: tokens the provider reported (cached answers included) at list price.</p>
</footer>
</main>
</body>
</html>
`;
}
