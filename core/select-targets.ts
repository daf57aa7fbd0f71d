import type { ControlTask } from './control-task';
import { describeControlTag, describeObjectTag, describeUnfillableControl } from './describe-unfillable-control';
import { ProjectConfigError } from './errors';
import type { LabelConfig } from './label-config';
import type { ProjectSettings } from './project-settings';
import type { PromptTarget } from './stages';
import { ownProperty } from './own-property';

export interface SkippedControl {
  control: string;
  reason: string;
  /** E.g. `<RectangleLabels name="bbox">`, for messages that list skipped controls. */
  tag?: string;
  /** The objects it points at that prelabel cannot read (e.g. `<Video name="video">`), when that is why. */
  unreadableObjects?: string[];
}

/**
 * Pairs each control of the labeling config with the first registered task that can fill it, honouring the
 * project's `controls` settings. Prompt TextAreas (interactive mode) are inputs, never targets.
 */
export function selectTargets(
  labelConfig: LabelConfig,
  tasks: ControlTask[],
  settings: Pick<ProjectSettings, 'controls' | 'interactive' | 'sourceFile'>,
): { targets: PromptTarget[]; skipped: SkippedControl[] } {
  const { include, instructions } = settings.controls;
  const names = new Set(labelConfig.controls.map((control) => control.name));
  const unknown = [...(include ?? []), ...Object.keys(instructions)].filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new ProjectConfigError(
      [...new Set(unknown)].map(
        (name) => `controls: names control "${name}", which the labeling config does not have (controls: ${[...names].join(', ') || 'none'})`,
      ),
      { location: settings.sourceFile ? { file: settings.sourceFile } : undefined },
    );
  }

  const targets: PromptTarget[] = [];
  const skipped: SkippedControl[] = [];
  for (const control of labelConfig.controls) {
    if (isPromptTextArea(control.type, control.name, settings.interactive.promptPrefix)) {
      skipped.push({ control: control.name, reason: "carries the annotator's instruction in interactive mode" });
      continue;
    }
    if (include && !include.includes(control.name)) {
      skipped.push({ control: control.name, reason: 'not listed in controls.include' });
      continue;
    }
    const objects = labelConfig.objects.filter((object) => control.toName.includes(object.name));
    const target = { control, objects };
    const task = tasks.find((candidate) => candidate.controlType === control.type && candidate.supports(target));
    if (task) {
      const extra = ownProperty(instructions, control.name) as string | undefined;
      targets.push({ ...target, task, ...(extra !== undefined && { instructions: extra }) });
    } else {
      const on = objects.map(describeObjectTag).join(', ') || 'no object';
      const { reason, unreadableObjects } = describeUnfillableControl(control, objects, tasks);
      skipped.push({ control: control.name, tag: `${describeControlTag(control)} on ${on}`, reason, ...(unreadableObjects.length > 0 && { unreadableObjects }) });
    }
  }
  return { targets, skipped };
}

export function isPromptTextArea(controlType: string, controlName: string, promptPrefix: string): boolean {
  return controlType === 'TextArea' && controlName.startsWith(promptPrefix);
}

/** Moves the targets that see an `<Image>` to the skipped ones, for a model that takes no images. */
export function withoutImageTargets(
  selection: { targets: PromptTarget[]; skipped: SkippedControl[] },
  reason: string,
): { targets: PromptTarget[]; skipped: SkippedControl[] } {
  const seesImages = (target: PromptTarget) => target.objects.some((object) => object.type === 'Image');
  return {
    targets: selection.targets.filter((target) => !seesImages(target)),
    skipped: [...selection.skipped, ...selection.targets.filter(seesImages).map((target) => ({ control: target.control.name, reason }))],
  };
}
