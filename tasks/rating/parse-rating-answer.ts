import type { ControlParseResult } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { abstain } from '../shared/abstain';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { readMaxRating } from './create-rating-schema';

/** A rating from 1 to the control's maxRating. */
export type RatingValue = number;

/** `4`, `4.0`, `4/5`, `4 out of 5`, `4 of 5`, `4 stars`; the scale, when written, is checked against maxRating. */
const RATING_TEXT = /^([+-]?\d+(?:\.\d+)?)(?:\s*(?:\/|out\s+of|of)\s*(\d+(?:\.0+)?))?(?:\s*(?:stars?|points?))?$/i;
/** Quotes, markdown emphasis and a final full stop around the answer; a `Rating:`-style prefix. */
const WRAPPING = /^[\s"'`*“”‘’]+|[\s"'`*“”‘’.]+$/g;
const LABEL_PREFIX = /^[\p{L}\s]{1,30}:\s*/u;

function checkRating(value: number, maxRating: number): ControlParseResult {
  if (!Number.isFinite(value)) return abstain(`${value} is not a rating`);
  if (!Number.isInteger(value)) return abstain(`${value} is not a whole number of stars (ratings: 1 to ${maxRating})`);
  if (value < 1 || value > maxRating) return abstain(`${value} is outside the ratings 1 to ${maxRating}`);
  const rating: RatingValue = value;
  return { status: 'answered', value: rating };
}

function parseRatingText(text: string, maxRating: number): ControlParseResult {
  const cleaned = text.normalize('NFKC').replace(WRAPPING, '').replace(LABEL_PREFIX, '');
  if (cleaned === '') return abstain('no answer');
  const match = RATING_TEXT.exec(cleaned);
  if (match === null) return abstain(`${quoteText(text)} is not a rating (ratings: 1 to ${maxRating})`);
  const [, rating = '', scale] = match;
  if (scale !== undefined && Number(scale) !== maxRating) {
    return abstain(`${quoteText(text)} rates on a scale of ${Number(scale)}, not ${maxRating}`);
  }
  return checkRating(Number(rating), maxRating);
}

/**
 * A model's answer for a Rating control → a whole number of stars. Tolerant of form (`4`, `"4"`, `4.0`, `4/5`,
 * `4 out of 5`, `4 stars`), strict about the value: fractions, 0, out-of-range numbers and other scales abstain
 * rather than being rounded or rescaled.
 */
export function parseRatingAnswer(raw: unknown, control: ControlTag): ControlParseResult {
  const maxRating = readMaxRating(control);
  if (maxRating === null) return abstain('the control has no usable maxRating');
  if (raw === null || raw === undefined) return abstain('no answer');
  if (typeof raw === 'number') return checkRating(raw, maxRating);
  if (typeof raw === 'string') return parseRatingText(raw, maxRating);
  return abstain(`the answer is not a rating (got ${describeKind(raw)})`);
}
