import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { readMaxRating } from './create-rating-schema';


/**
 * Why a `rating` result is invalid for this control, or null when it is valid. Label Studio's SDK accepts 0 to
 * maxRating, but its editor treats 0 as "not rated" and drops it, so a prediction must be 1 to maxRating.
 */
export function validateRatingResult(result: ResultDraft, control: ControlTag): string | null {
  if (result.type !== 'rating') return `type is ${quoteText(String(result.type))}, expected "rating"`;
  const maxRating = readMaxRating(control);
  if (maxRating === null) return `"${control.name}" has no usable maxRating`;
  const rating: unknown = result.value?.rating;
  if (typeof rating !== 'number') return `value.rating is ${describeKind(rating)}, not a number`;
  if (!Number.isInteger(rating)) return `value.rating ${rating} is not a whole number`;
  if (rating < 1 || rating > maxRating) return `value.rating ${rating} is outside 1 to ${maxRating}`;
  return null;
}
