import type { ResultDraft } from '../../core/control-task';
import { PAIRWISE_SIDES } from './create-pairwise-schema';

const MAX_QUOTED_LENGTH = 80;

function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Why a `pairwise` result is invalid, or null when it is valid: `value.selected` is exactly `left` or `right`. */
export function validatePairwiseResult(result: ResultDraft): string | null {
  if (result.type !== 'pairwise') return `type is ${quote(String(result.type))}, expected "pairwise"`;
  const selected: unknown = result.value?.selected;
  if (!PAIRWISE_SIDES.some((side) => side === selected)) {
    return `value.selected is ${describeValue(selected)}, expected "left" or "right"`;
  }
  return null;
}
