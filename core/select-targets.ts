import type { ControlTask } from './control-task';
import type { LabelConfig } from './label-config';
import type { PromptTarget } from './stages';

export interface SkippedControl {
  control: string;
  reason: string;
}

/** Pairs each control of the labeling config with the first registered task that can fill it. */
export function selectTargets(
  labelConfig: LabelConfig,
  tasks: ControlTask[],
): { targets: PromptTarget[]; skipped: SkippedControl[] } {
  const targets: PromptTarget[] = [];
  const skipped: SkippedControl[] = [];
  for (const control of labelConfig.controls) {
    const objects = labelConfig.objects.filter((object) => control.toName.includes(object.name));
    const target = { control, objects };
    const task = tasks.find((candidate) => candidate.controlType === control.type && candidate.supports(target));
    if (task) {
      targets.push({ ...target, task });
    } else {
      const on = objects.map((object) => `<${object.type}>`).join(', ') || 'no object';
      skipped.push({ control: control.name, reason: `prelabel cannot fill <${control.type}> on ${on}` });
    }
  }
  return { targets, skipped };
}
