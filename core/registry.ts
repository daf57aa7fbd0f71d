import { DuplicateComponentError, NoSuchComponentError } from './errors';
import type { ConfigParser, PromptRenderer, ResponseParser, ResultMapper } from './stages';
import type { LanguageModel } from './language-model';
import type { ControlTask } from './control-task';

/** A class tsyringe can construct (its constructor parameters carry `@inject`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor<T> = new (...args: any[]) => T;

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
  private readonly components = new Map<ComponentKind, Map<string, Constructor<unknown>>>();
  private readonly controlTasks = new Map<string, ControlTask>();

  register<K extends ComponentKind>(kind: K, name: string, implementation: Constructor<ComponentKinds[K]>): void {
    const byName = this.components.get(kind) ?? new Map<string, Constructor<unknown>>();
    if (byName.has(name)) throw new DuplicateComponentError(kind, name);
    byName.set(name, implementation);
    this.components.set(kind, byName);
  }

  get<K extends ComponentKind>(kind: K, name: string): Constructor<ComponentKinds[K]> {
    const implementation = this.components.get(kind)?.get(name);
    if (!implementation) throw new NoSuchComponentError(kind, name, this.names(kind));
    return implementation as Constructor<ComponentKinds[K]>;
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
