import type { Registry } from '../core/registry';
import { choicesTask } from './choices/choices-task';

/** Registers every built-in control task; the first task that supports a control fills it. */
export function registerBuiltinTasks(registry: Registry): void {
  registry.registerTask(choicesTask);
}
