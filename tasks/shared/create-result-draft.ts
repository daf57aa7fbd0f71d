import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';

/** A result of a whole-task control, on the target's first object (or the first name of its toName). */
export function createResultDraft(target: PredictionTarget, type: string, value: Record<string, unknown>): ResultDraft {
  return {
    from_name: target.control.name,
    to_name: target.objects[0]?.name ?? target.control.toName[0] ?? '',
    type,
    value,
  };
}
