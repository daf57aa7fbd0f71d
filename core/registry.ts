import { DuplicateComponentError, NoSuchComponentError } from './errors';
import type { ConfigParser, PromptRenderer, ResponseParser, ResultMapper } from './spec/stages';
import type { LanguageModel } from './spec/language-model';
import type { ControlTask } from './spec/control-task';
import type { Logger } from './spec/logger';
import type { ProjectSettings } from './spec/project-settings';

/** A class tsyringe can construct (its constructor parameters carry `@inject`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor<T> = new (...args: any[]) => T;

/** What a factory-registered component is built from (plugins written without decorators use this). */
export interface ComponentContext {
  settings: ProjectSettings;
  environment: NodeJS.ProcessEnv;
  logger: Logger;
}

/** A component registered as a factory instead of a class. */
export interface ComponentFactory<T> {
  create(context: ComponentContext): T;
}

/** A class resolved by tsyringe, or a factory. */
export type ComponentImplementation<T> = Constructor<T> | ComponentFactory<T>;

export function isComponentFactory<T>(implementation: ComponentImplementation<T>): implementation is ComponentFactory<T> {
  return typeof implementation === 'object' && implementation !== null && typeof implementation.create === 'function';
}

/** What each kind of registered component is. Stage classes are resolved in the project's child container. */
export interface ComponentKinds {
  'config-parser': ConfigParser;
  'prompt-renderer': PromptRenderer;
  provider: LanguageModel;
  'response-parser': ResponseParser;
  'result-mapper': ResultMapper;
  /** How one kind of control is filled (core/control-task.ts), chosen per control in YAML (`controls.<name>.task`). */
  task: ControlTask;
}

export type ComponentKind = keyof ComponentKinds;

/**
 * What is registered under a name: a class or factory for stages and providers (built per project), the task
 * object itself for tasks (declarative and pure, shared by every project).
 */
export type ComponentRegistration<K extends ComponentKind> = K extends 'task' ? ControlTask : ComponentImplementation<ComponentKinds[K]>;

function isControlTask(value: unknown): value is ControlTask {
  const task = value as Partial<ControlTask> | null;
  return (
    typeof task === 'object' &&
    task !== null &&
    typeof task.name === 'string' &&
    typeof task.controlType === 'string' &&
    (['supports', 'instructions', 'schema', 'parse', 'map', 'validate'] as const).every((method) => typeof task[method] === 'function')
  );
}

/**
 * Names → implementations, filled at start-up by the built-ins and by plugins, read when a project's pipeline is
 * built. One instance per process, owned by the composition root (no global registry).
 */
export class Registry {
  /** Per kind, names in registration order (a Map keeps it): the order "first that supports" reads tasks in. */
  private readonly components = new Map<ComponentKind, Map<string, unknown>>();
  /** Control type → the tasks that fill it when YAML names none (tasks/index.ts DEFAULT_TASK_BY_CONTROL). */
  private readonly defaultTasks = new Map<string, readonly string[]>();

  register<K extends ComponentKind>(kind: K, name: string, implementation: ComponentRegistration<K>): void {
    if (kind === 'task') {
      if (!isControlTask(implementation)) {
        throw new TypeError('a task must be an object with name, controlType, supports, instructions, schema, parse, map and validate');
      }
      if (implementation.name !== name) {
        throw new TypeError(`a task is registered under its own name: "${name}" was given for the task named "${implementation.name}"`);
      }
    } else if (typeof implementation !== 'function' && !isComponentFactory(implementation as ComponentImplementation<unknown>)) {
      throw new TypeError(`a ${kind} must be registered as a class or as an object with a create(context) method`);
    }
    const byName = this.components.get(kind) ?? new Map<string, unknown>();
    if (byName.has(name)) throw new DuplicateComponentError(kind, name);
    byName.set(name, implementation);
    this.components.set(kind, byName);
  }

  get<K extends ComponentKind>(kind: K, name: string): ComponentRegistration<K> {
    const implementation = this.components.get(kind)?.get(name);
    if (!implementation) throw new NoSuchComponentError(kind, name, this.names(kind));
    return implementation as ComponentRegistration<K>;
  }

  has(kind: ComponentKind, name: string): boolean {
    return this.components.get(kind)?.has(name) ?? false;
  }

  /** Registered names of one kind, sorted (for messages that list what is available). */
  names(kind: ComponentKind): string[] {
    return [...(this.components.get(kind)?.keys() ?? [])].sort();
  }

  /** Everything registered of one kind, in registration order. */
  list<K extends ComponentKind>(kind: K): ComponentRegistration<K>[] {
    return [...(this.components.get(kind)?.values() ?? [])] as ComponentRegistration<K>[];
  }

  /**
   * The tasks a control of this type gets when YAML names none, tried in order (the first that supports the control
   * fills it). A control type with no defaults gets the first registered task that supports it.
   */
  setDefaultTasks(controlType: string, taskNames: readonly string[]): void {
    this.defaultTasks.set(controlType, Object.freeze([...taskNames]));
  }

  defaultTasksFor(controlType: string): readonly string[] | undefined {
    return this.defaultTasks.get(controlType);
  }
}
