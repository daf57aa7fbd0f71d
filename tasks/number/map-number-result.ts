import type { ResultDraft } from '../../core/control-task';
import type { PredictionTarget } from '../../core/label-config';

/** A parsed number → one `number` result on the target's first object; validation rejects anything malformed. */
export function mapNumberResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  return [
    {
      from_name: target.control.name,
      to_name: target.objects[0]?.name ?? target.control.toName[0] ?? '',
      type: 'number',
      value: { number: value },
    },
  ];
}
