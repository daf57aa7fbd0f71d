import { DuplicateComponentError, NoSuchComponentError } from './errors';
import type { ConfigParser, PromptRenderer, ResponseParser, ResultMapper } from './stages';
import type { LanguageModel } from './language-model';
import type { ControlTask } from './control-task';
import type { Logger } from './logger';
import type { ProjectSettings } from './project-settings';

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
}

export type ComponentKind = keyof ComponentKinds;

/**
 * Names → implementations, filled at start-up by the built-ins and by plugins, read when a project's pipeline is
 * built. One instance per process, owned by the composition root (no global registry).
 */
export class Registry {
  private readonly components = new Map<ComponentKind, Map<string, ComponentImplementation<unknown>>>();
  private readonly controlTasks = new Map<string, ControlTask>();

  register<K extends ComponentKind>(kind: K, name: string, implementation: ComponentImplementation<ComponentKinds[K]>): void {
    if (typeof implementation !== 'function' && !isComponentFactory(implementation)) {
      throw new TypeError(`a ${kind} must be registered as a class or as an object with a create(context) method`);
    }
    const byName = this.components.get(kind) ?? new Map<string, ComponentImplementation<unknown>>();
    if (byName.has(name)) throw new DuplicateComponentError(kind, name);
    byName.set(name, implementation);
    this.components.set(kind, byName);
  }

  get<K extends ComponentKind>(kind: K, name: string): ComponentImplementation<ComponentKinds[K]> {
    const implementation = this.components.get(kind)?.get(name);
    if (!implementation) throw new NoSuchComponentError(kind, name, this.names(kind));
    return implementation as ComponentImplementation<ComponentKinds[K]>;
  }

  has(kind: ComponentKind, name: string): boolean {
    return this.components.get(kind)?.has(name) ?? false;
  }

  names(kind: ComponentKind): string[] {
    return [...(this.components.get(kind)?.keys() ?? [])].sort();
  }

  registerTask(task: ControlTask): void {
    if (this.controlTasks.has(task.name)) throw new DuplicateComponentError('task', task.name);
    this.controlTasks.set(task.name, task);
  }

  getTask(name: string): ControlTask {
    const task = this.controlTasks.get(name);
    if (!task) throw new NoSuchComponentError('task', name, this.taskNames());
    return task;
  }

  taskNames(): string[] {
    return [...this.controlTasks.keys()].sort();
  }

  /** Tasks in registration order; the first that supports a control fills it. */
  tasks(): ControlTask[] {
    return [...this.controlTasks.values()];
  }
}
