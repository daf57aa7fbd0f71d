import type { PredictionTarget } from '../../core/spec/label-config';

/** How a prompt names the target's objects: `<field>` for the task data field each shows (its name without one). */
export function describeObjects(target: PredictionTarget): string {
  return target.objects.map((object) => `<${object.dataField ?? object.name}>`).join(' and ');
}
