import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import { createResultDraft } from '../shared/create-result-draft';

/** Parsed texts → one `textarea` result on the target's first object; validation rejects anything malformed. */
export function mapTextAreaResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  const text = Array.isArray(value) ? [...value] : [value];
  return [createResultDraft(target, 'textarea', { text })];
}
