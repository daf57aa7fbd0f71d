export interface KindWords {
  /** What an array is called: `a list` unless given. */
  list?: string;
  /** What undefined is called: `undefined` unless given. */
  missing?: string;
}

/** The kind of a value that is not what was expected, for problem descriptions: `null`, `a list`, `a number`... */
export function describeKind(value: unknown, { list = 'a list', missing = 'undefined' }: KindWords = {}): string {
  if (value === null) return 'null';
  if (value === undefined) return missing;
  if (Array.isArray(value)) return list;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
