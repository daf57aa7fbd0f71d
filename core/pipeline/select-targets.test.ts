import { createDefaultProjectSettings } from '../../config/default-project-settings';
import { registerBuiltinTasks } from '../../tasks';
import { choicesTask } from '../../tasks/choices/choices-task';
import type { ControlTask } from '../spec/control-task';
import type { ProjectSettings } from '../spec/project-settings';
import { LabelStudioXmlConfigParser } from '../label-config/label-config-parser';
import { Registry } from '../registry';
import { selectTargets } from './select-targets';

const CONFIG =
  '<View><Text name="text" value="$text"/><HyperText name="page" value="$html"/>' +
  '<Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices>' +
  '<Labels name="ner" toName="text"><Label value="PER"/></Labels>' +
  '<Labels name="web" toName="page"><Label value="ORG"/></Labels></View>';

/** A plugin's Choices task, registered before the built-ins: "first that supports" would pick it, the default does not. */
const pluginChoicesTask: ControlTask = { ...choicesTask, name: 'choices-plugin.v1' };

function createRegistry(): Registry {
  const registry = new Registry();
  registry.register('task', pluginChoicesTask.name, pluginChoicesTask);
  registerBuiltinTasks(registry);
  return registry;
}

function select(tasks: Record<string, string>, registry = createRegistry(), xml = CONFIG) {
  const defaults = createDefaultProjectSettings({});
  const settings: ProjectSettings = { ...defaults, sourceFile: '/projects/p.yaml', controls: { ...defaults.controls, tasks } };
  return selectTargets(new LabelStudioXmlConfigParser().parse({ xml }), registry, settings);
}

const taskOf = (selection: ReturnType<typeof select>) =>
  Object.fromEntries(selection.targets.map((target) => [target.control.name, target.task.name]));

describe('selectTargets picks each control its task', () => {
  it('by default, the built-in task of the control type, whatever a plugin registered for it', () => {
    expect(taskOf(select({}))).toEqual({ sentiment: 'choices.v1', ner: 'labels.v1', web: 'labels-on-hypertext.v1' });
  });

  it('the task YAML names for a control, and only for that control', () => {
    expect(taskOf(select({ sentiment: 'choices-plugin.v1' }))).toEqual({ sentiment: 'choices-plugin.v1', ner: 'labels.v1', web: 'labels-on-hypertext.v1' });
  });

  it('the first registered task that supports it, for a control type with no default', () => {
    const registry = createRegistry();
    const ratingTask = registry.get('task', 'rating.v1');
    registry.register('task', 'stars.v1', { ...ratingTask, name: 'stars.v1', controlType: 'Stars', supports: (target) => target.control.type === 'Stars' });
    const selection = select({}, registry, '<View><Text name="text" value="$text"/><Stars name="stars" toName="text" maxRating="5"/></View>');
    expect(taskOf(selection)).toEqual({ stars: 'stars.v1' });
  });

  it.each([
    ['a task for another control type', { sentiment: 'labels.v1' }, 'controls.sentiment.task: the task "labels.v1" fills <Labels> controls, not <Choices name="sentiment">'],
    ['a task that does not support the control on its object', { web: 'labels.v1' }, 'controls.web.task: the task "labels.v1" cannot fill <Labels name="web"> on <HyperText name="page">'],
    ['a task nobody registered', { sentiment: 'choices.v9' }, 'controls.sentiment.task: no task named "choices.v9" is registered (available: choices-plugin.v1, choices.v1,'],
    ['a control the config lacks', { mood: 'choices.v1' }, 'controls: names control "mood", which the labeling config does not have'],
  ])('refuses %s, naming the control and the task', (_case, tasks, message) => {
    expect(() => select(tasks)).toThrow(expect.objectContaining({ code: 'PROJECT_CONFIG_INVALID', message: expect.stringContaining(message), location: { file: '/projects/p.yaml' } }));
  });
});

describe('Registry tasks', () => {
  it('registers a task under its own name only, and lists tasks in registration order', () => {
    const registry = createRegistry();
    expect(() => registry.register('task', 'other.v1', choicesTask)).toThrow(/registered under its own name/);
    expect(() => registry.register('task', 'choices.v1', choicesTask)).toThrow(expect.objectContaining({ code: 'DUPLICATE_COMPONENT' }));
    expect(() => registry.register('task', 'broken.v1', { name: 'broken.v1' } as never)).toThrow(TypeError);
    expect(registry.list('task').map((task) => task.name).slice(0, 3)).toEqual(['choices-plugin.v1', 'choices.v1', 'labels.v1']);
    expect(registry.list('task')[0]).toBe(pluginChoicesTask);
    expect(() => registry.get('task', 'nope.v1')).toThrow(expect.objectContaining({ code: 'NO_SUCH_COMPONENT', message: expect.stringContaining('choices.v1') }));
  });
});
