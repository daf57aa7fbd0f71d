import type { LabelStudioResult } from '../spec/label-studio';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** One result's value in a form where equal answers are equal strings. */
function comparableValueOf(result: LabelStudioResult): string {
  const { value } = result;
  switch (result.type) {
    case 'rating':
    case 'number':
      return typeof value[result.type] === 'number' ? String(value[result.type]) : canonicalJson(value[result.type]);
    case 'datetime':
      return String(value.datetime);
    case 'pairwise':
      return String(value.selected);
    case 'taxonomy': {
      const paths = Array.isArray(value.taxonomy) ? value.taxonomy : [];
      return canonicalJson(paths.map(canonicalJson).sort());
    }
    default:
      return canonicalJson(value);
  }
}

/**
 * The answer of a Rating, Number, DateTime, Taxonomy or Pairwise control (any other control: its value as
 * canonical JSON), comparable by string equality; taxonomy paths in any order. Null for no result.
 */
export function readComparableValue(results: LabelStudioResult[]): string | null {
  if (results.length === 0) return null;
  return results.map(comparableValueOf).sort().join('\n');
}
