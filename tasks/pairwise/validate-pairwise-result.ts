import type { ResultDraft } from '../../core/spec/control-task';
import { quoteText } from '../shared/quote-text';
import { PAIRWISE_SIDES } from './create-pairwise-schema';


function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteText(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Why a `pairwise` result is invalid, or null when it is valid: `value.selected` is exactly `left` or `right`. */
export function validatePairwiseResult(result: ResultDraft): string | null {
  if (result.type !== 'pairwise') return `type is ${quoteText(String(result.type))}, expected "pairwise"`;
  const selected: unknown = result.value?.selected;
  if (!PAIRWISE_SIDES.some((side) => side === selected)) {
    return `value.selected is ${describeValue(selected)}, expected "left" or "right"`;
  }
  return null;
}
