import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import { createResultDraft } from '../shared/create-result-draft';

/** Parsed labels → one `choices` result on the target's first object; validation rejects anything malformed. */
export function mapChoicesResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  const choices = Array.isArray(value) ? [...value] : [value];
  return [createResultDraft(target, 'choices', { choices })];
}
