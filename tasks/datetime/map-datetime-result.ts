import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import { createResultDraft } from '../shared/create-result-draft';

/** A parsed date or time → one `datetime` result on the target's first object; validation rejects anything malformed. */
export function mapDateTimeResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  return [createResultDraft(target, 'datetime', { datetime: value })];
}
