import type { ResultDraft } from '../../core/control-task';
import type { PredictionTarget } from '../../core/label-config';

function copyPath(path: unknown): unknown {
  return Array.isArray(path) ? [...path] : path;
}

/** Parsed paths → one `taxonomy` result on the target's first object; validation rejects anything malformed. */
export function mapTaxonomyResult(value: unknown, target: PredictionTarget): ResultDraft[] {
  const taxonomy = Array.isArray(value) ? value.map(copyPath) : [value];
  return [
    {
      from_name: target.control.name,
      to_name: target.objects[0]?.name ?? target.control.toName[0] ?? '',
      type: 'taxonomy',
      value: { taxonomy },
    },
  ];
}
