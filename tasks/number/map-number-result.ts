import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import { createResultDraft } from '../shared/create-result-draft';

/** A parsed number → one `number` result on the target's first object; validation rejects anything malformed. */
export function mapNumberResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  return [createResultDraft(target, 'number', { number: value })];
}
