import path from 'node:path';
import * as core from '../core';
import type { Registry } from '../core/registry';

/** What a plugin module exports: one function that registers providers, tasks or stages into the registry. */
export type PluginFunction = (registry: Registry, prelabel: typeof core) => void;

/** Plugins already registered into each registry (a reloaded YAML file does not register them twice). */
const loadedPlugins = new WeakMap<Registry, Set<string>>();

/** `./x.js` and `../x` are paths relative to the YAML file; anything else is a package name. */
function resolvePlugin(specifier: string, baseDirectory: string): string {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return require.resolve(path.resolve(baseDirectory, specifier));
  return require.resolve(specifier, { paths: [baseDirectory, process.cwd()] });
}

function pluginFunction(exported: unknown): PluginFunction | null {
  if (typeof exported === 'function') return exported as PluginFunction;
  const defaultExport = (exported as { default?: unknown } | null)?.default;
  return typeof defaultExport === 'function' ? (defaultExport as PluginFunction) : null;
}

/**
 * Loads a plugin named in a project YAML file and lets it register its components. Throws an Error whose message
 * names the problem (missing module, no exported function, a name registered twice); the caller adds the plugin
 * name and the YAML location.
 */
export function loadPlugin(specifier: string, baseDirectory: string, registry: Registry): string {
  let resolved: string;
  try {
    resolved = resolvePlugin(specifier, baseDirectory);
  } catch {
    throw new Error(`cannot find the module (looked in ${baseDirectory} and ${process.cwd()})`);
  }
  const loaded = loadedPlugins.get(registry) ?? new Set<string>();
  loadedPlugins.set(registry, loaded);
  if (loaded.has(resolved)) return resolved;
  let exported: unknown;
  try {
    exported = require(resolved);
  } catch (error) {
    throw new Error(`the module failed to load: ${error instanceof Error ? error.message : String(error)}`);
  }
  const register = pluginFunction(exported);
  if (!register) throw new Error('it exports no function: write `module.exports = (registry, prelabel) => { ... }` or a default export');
  register(registry, core);
  loaded.add(resolved);
  return resolved;
}
