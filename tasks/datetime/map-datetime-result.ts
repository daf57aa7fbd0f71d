import type { ResultDraft } from '../../core/control-task';
import type { PredictionTarget } from '../../core/label-config';

/** A parsed date or time → one `datetime` result on the target's first object; validation rejects anything malformed. */
export function mapDateTimeResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  return [
    {
      from_name: target.control.name,
      to_name: target.objects[0]?.name ?? target.control.toName[0] ?? '',
      type: 'datetime',
      value: { datetime: value },
    },
  ];
}
