import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import { createResultDraft } from '../shared/create-result-draft';

function copyPath(path: unknown): unknown {
  return Array.isArray(path) ? [...path] : path;
}

/** Parsed paths → one `taxonomy` result on the target's first object; validation rejects anything malformed. */
export function mapTaxonomyResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  const taxonomy = Array.isArray(value) ? value.map(copyPath) : [value];
  return [createResultDraft(target, 'taxonomy', { taxonomy })];
}
