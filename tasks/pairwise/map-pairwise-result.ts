import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';

/**
 * A parsed side → one `pairwise` result; validation rejects anything malformed. Its `to_name` is the left object:
 * Label Studio's editor itself writes the Pairwise name there, but the SDK validator (and prelabel's envelope
 * check) require an object of toName, and the editor resolves either.
 */
export function mapPairwiseResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  return [
    {
      from_name: target.control.name,
      to_name: target.control.toName[0] ?? '',
      type: 'pairwise',
      value: { selected: value },
    },
  ];
}
