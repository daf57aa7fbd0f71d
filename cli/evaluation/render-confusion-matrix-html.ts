import { escapeHtml } from './escape-html';
import type { ConfusionMatrix } from './evaluation-report';

const RIGHT_COLOUR = '22, 163, 74';
const WRONG_COLOUR = '220, 38, 38';
const MINIMUM_OPACITY = 0.12;

/** Opacity in proportion to the largest count; an empty cell stays blank. */
export function cellOpacity(count: number, largest: number): number {
  if (count === 0 || largest === 0) return 0;
  return MINIMUM_OPACITY + (1 - MINIMUM_OPACITY) * (count / largest) * 0.75;
}

function renderCell(count: number, largest: number, right: boolean, title: string): string {
  const opacity = cellOpacity(count, largest).toFixed(3);
  const colour = right ? RIGHT_COLOUR : WRONG_COLOUR;
  return `<td class="count" style="background: rgba(${colour}, ${opacity})" title="${escapeHtml(title)}">${count}</td>`;
}

/** Rows are the human labels, columns the model's: green on the diagonal, red off it, darker for more tasks. */
export function renderConfusionMatrixHtml(matrix: ConfusionMatrix, caption: string): string {
  const largest = Math.max(0, ...matrix.counts.flat());
  const header = matrix.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const body = matrix.rows
    .map((row, rowIndex) => {
      const cells = (matrix.counts[rowIndex] ?? [])
        .map((count, columnIndex) => {
          const column = matrix.columns[columnIndex] ?? '';
          return renderCell(count, largest, column === row, `human ${row}, model ${column}: ${count}`);
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(row)}</th>${cells}</tr>`;
    })
    .join('\n');
  return [
    '<table class="confusion">',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr><th class="corner">human \\ model</th>${header}</tr></thead>`,
    `<tbody>${body}</tbody>`,
    '</table>',
  ].join('\n');
}
