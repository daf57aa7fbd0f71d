import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import { createResultDraft } from '../shared/create-result-draft';

/** A parsed rating → one `rating` result on the target's first object; validation rejects anything malformed. */
export function mapRatingResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  return [createResultDraft(target, 'rating', { rating: value })];
}
