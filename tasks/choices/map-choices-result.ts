import type { ResultDraft } from '../../core/control-task';
import type { PredictionTarget } from '../../core/label-config';

/** Parsed labels → one `choices` result on the target's first object; validation rejects anything malformed. */
export function mapChoicesResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  const choices = Array.isArray(value) ? [...value] : [value];
  return [
    {
      from_name: target.control.name,
      to_name: target.objects[0]?.name ?? target.control.toName[0] ?? '',
      type: 'choices',
      value: { choices },
    },
  ];
}
