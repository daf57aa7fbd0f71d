/** One problem in a project file, pointing at the line and column it is about. */
export interface ConfigProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** A field path as written in the YAML, e.g. `provider.temperature` or `projects[1]`; empty for the whole file. */
  field: string;
  message: string;
}

/** A path through a YAML document: map keys and sequence indexes. */
export type FieldPath = readonly (string | number)[];

export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** `<file>:<line>:<column>: <field>: <message>`, without the field part when the problem is about the whole file. */
export function formatConfigProblem(problem: ConfigProblem): string {
  const place = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.field ? `${place}: ${problem.field}: ${problem.message}` : `${place}: ${problem.message}`;
}

/** Problems ordered by file, then position; the order of problems at the same place is kept. */
export function sortConfigProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort(
    (left, right) =>
      (left.file < right.file ? -1 : left.file > right.file ? 1 : 0) ||
      left.line - right.line ||
      left.column - right.column,
  );
}
