/** A tag attribute by name, ignoring case as Label Studio does (`allowOverlap`, `allowoverlap`). */
export function readAttribute(attributes: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const key = Object.keys(attributes).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : attributes[key];
}
