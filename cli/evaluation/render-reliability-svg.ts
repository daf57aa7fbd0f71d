import { escapeHtml } from './escape-html';
import type { ReliabilityBin } from './evaluation-report';

export interface ReliabilitySeries {
  name: string;
  colour: string;
  bins: ReliabilityBin[];
}

const SIZE = 240;
const MARGIN = { left: 48, top: 16, right: 16, bottom: 44 };
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

function x(value: number): number {
  return MARGIN.left + value * SIZE;
}

function y(value: number): number {
  return MARGIN.top + (1 - value) * SIZE;
}

function point(value: number): string {
  return value.toFixed(1);
}

function renderAxes(): string {
  const ticks = TICKS.map(
    (tick) =>
      `<line x1="${point(x(tick))}" y1="${point(y(0))}" x2="${point(x(tick))}" y2="${point(y(0) + 4)}" stroke="#6b7280"/>` +
      `<text x="${point(x(tick))}" y="${point(y(0) + 16)}" text-anchor="middle">${tick.toFixed(1)}</text>` +
      `<line x1="${point(x(0) - 4)}" y1="${point(y(tick))}" x2="${point(x(0))}" y2="${point(y(tick))}" stroke="#6b7280"/>` +
      `<text x="${point(x(0) - 8)}" y="${point(y(tick) + 4)}" text-anchor="end">${tick.toFixed(1)}</text>`,
  ).join('');
  return [
    `<rect x="${x(0)}" y="${y(1)}" width="${SIZE}" height="${SIZE}" fill="#f9fafb" stroke="#d1d5db"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#9ca3af" stroke-dasharray="4 4"/>`,
    ticks,
    `<text x="${point(x(0.5))}" y="${point(y(0) + 34)}" text-anchor="middle">mean score</text>`,
    `<text transform="translate(14 ${point(y(0.5))}) rotate(-90)" text-anchor="middle">accuracy</text>`,
  ].join('\n');
}

function renderSeries(series: ReliabilitySeries): string {
  const filled = series.bins.filter((bin) => bin.meanScore !== null && bin.accuracy !== null);
  const largest = Math.max(1, ...filled.map((bin) => bin.tasks));
  const line = filled.map((bin) => `${point(x(bin.meanScore ?? 0))},${point(y(bin.accuracy ?? 0))}`).join(' ');
  const dots = filled
    .map((bin) => {
      const radius = 3 + 5 * Math.sqrt(bin.tasks / largest);
      const title = `${series.name}: score ${bin.lower.toFixed(1)}-${bin.upper.toFixed(1)}, mean ${(bin.meanScore ?? 0).toFixed(3)}, accuracy ${(bin.accuracy ?? 0).toFixed(3)}, ${bin.tasks} tasks`;
      return `<circle cx="${point(x(bin.meanScore ?? 0))}" cy="${point(y(bin.accuracy ?? 0))}" r="${point(radius)}" fill="${series.colour}" fill-opacity="0.75"><title>${escapeHtml(title)}</title></circle>`;
    })
    .join('');
  return `<g><polyline points="${line}" fill="none" stroke="${series.colour}" stroke-width="2"/>${dots}</g>`;
}

/** Mean score against accuracy per score bin, one coloured series per run; the dashed diagonal is perfect calibration. */
export function renderReliabilitySvg(series: ReliabilitySeries[]): string {
  const width = MARGIN.left + SIZE + MARGIN.right;
  const height = MARGIN.top + SIZE + MARGIN.bottom;
  return [
    `<svg class="reliability" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="reliability plot: mean score against accuracy">`,
    renderAxes(),
    ...series.map(renderSeries),
    '</svg>',
  ].join('\n');
}
