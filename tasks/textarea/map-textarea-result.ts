import type { ResultDraft } from '../../core/control-task';
import type { PredictionTarget } from '../../core/label-config';

/** Parsed texts → one `textarea` result on the target's first object; validation rejects anything malformed. */
export function mapTextAreaResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  const text = Array.isArray(value) ? [...value] : [value];
  return [
    {
      from_name: target.control.name,
      to_name: target.objects[0]?.name ?? target.control.toName[0] ?? '',
      type: 'textarea',
      value: { text },
    },
  ];
}
