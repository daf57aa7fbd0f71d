import type { ControlTask } from '../spec/control-task';
import { describeControlTag, describeObjectTag, describeUnfillableControl } from './describe-unfillable-control';
import { ProjectConfigError } from '../errors';
import type { LabelConfig } from '../spec/label-config';
import type { ProjectSettings } from '../spec/project-settings';
import type { SkippedControl } from '../spec/project-pipeline';

export type { SkippedControl } from '../spec/project-pipeline';
import type { PromptTarget } from '../spec/stages';
import type { Registry } from '../registry';
import { ownProperty } from '../shared/own-property';


/** What target selection reads from the registry: the tasks, and each control type's default tasks. */
export type TaskCatalog = Pick<Registry, 'has' | 'get' | 'names' | 'list' | 'defaultTasksFor'>;

/**
 * Pairs each control of the labeling config with its task, honouring the project's `controls` settings: the task
 * YAML names for it (`controls.<name>.task`), else the first of its control type's default tasks that supports it,
 * else (for a control type with no default) the first registered task that supports it. Prompt TextAreas
 * (interactive mode) are inputs, never targets. Throws ProjectConfigError when `controls` names a control the config
 * lacks, or a task that cannot fill its control.
 */
export function selectTargets(
  labelConfig: LabelConfig,
  catalog: TaskCatalog,
  settings: Pick<ProjectSettings, 'controls' | 'interactive' | 'sourceFile'>,
): { targets: PromptTarget[]; skipped: SkippedControl[] } {
  const { include, instructions, tasks: namedTasks } = settings.controls;
  const location = settings.sourceFile ? { file: settings.sourceFile } : undefined;
  const names = new Set(labelConfig.controls.map((control) => control.name));
  const unknown = [...(include ?? []), ...Object.keys(instructions), ...Object.keys(namedTasks)].filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new ProjectConfigError(
      [...new Set(unknown)].map(
        (name) => `controls: names control "${name}", which the labeling config does not have (controls: ${[...names].join(', ') || 'none'})`,
      ),
      { location },
    );
  }

  const tasks = catalog.list('task');
  const problems: string[] = [];

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
    const taskName = ownProperty(namedTasks, control.name) as string | undefined;
    let task: ControlTask | undefined;
    if (taskName !== undefined) {
      const problem = checkNamedTask(catalog, taskName, target);
      if (problem) {
        problems.push(`controls.${control.name}.task: ${problem}`);
        continue;
      }
      task = catalog.get('task', taskName);
    } else {
      task = defaultTaskCandidates(catalog, tasks, control.type).find((candidate) => candidate.supports(target));
    }
    if (task) {
      const extra = ownProperty(instructions, control.name) as string | undefined;
      targets.push({ ...target, task, ...(extra !== undefined && { instructions: extra }) });
    } else {
      const on = objects.map(describeObjectTag).join(', ') || 'no object';
      const { reason, unreadableObjects } = describeUnfillableControl(control, objects, tasks);
      skipped.push({ control: control.name, tag: `${describeControlTag(control)} on ${on}`, reason, ...(unreadableObjects.length > 0 && { unreadableObjects }) });
    }
  }
  if (problems.length > 0) throw new ProjectConfigError(problems, { location });
  return { targets, skipped };
}

/** Why the task YAML names cannot fill this control, or null when it can. */
function checkNamedTask(catalog: TaskCatalog, taskName: string, target: Omit<PromptTarget, 'task'>): string | null {
  if (!catalog.has('task', taskName)) return `no task named "${taskName}" is registered (available: ${catalog.names('task').join(', ') || 'none'})`;
  const task = catalog.get('task', taskName);
  const control = describeControlTag(target.control);
  if (task.controlType !== target.control.type) return `the task "${taskName}" fills <${task.controlType}> controls, not ${control}`;
  if (!task.supports(target)) {
    const on = target.objects.map(describeObjectTag).join(', ') || 'no object';
    return `the task "${taskName}" cannot fill ${control} on ${on}`;
  }
  return null;
}

/** The tasks tried, in order, for a control YAML names no task for. */
function defaultTaskCandidates(catalog: TaskCatalog, tasks: ControlTask[], controlType: string): ControlTask[] {
  const defaults = catalog.defaultTasksFor(controlType);
  if (!defaults) return tasks.filter((task) => task.controlType === controlType);
  return defaults.filter((name) => catalog.has('task', name)).map((name) => catalog.get('task', name));
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
