/**
 * A key's value only when the object itself holds it, never one inherited from `Object.prototype`: keys from a
 * labeling config, a YAML file or task data (`constructor`, `__proto__`, `toString`) index plain objects, and reading
 * them through the prototype hands back functions or `{}`.
 */
export function ownProperty(record: object | null | undefined, key: string): unknown {
  if (record === null || record === undefined) return undefined;
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
