import * as fs from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { ConfigProblem } from './config-problem';
import { interpolateEnvironment, type EnvironmentReferenceSite } from './interpolate-environment';
import { describeFileError, describeThrown, type CheckContext } from './project-file-context';

export type ProjectDocument =
  | {
      status: 'read';
      /** The YAML document with positions, and the problems found so far (unresolved `${VAR}`s). */
      context: CheckContext;
      /** The file's data, `${VAR}`s replaced. */
      data: unknown;
      /** Where each `${VAR}` was, to tell an API key from the environment from a literal one. */
      references: EnvironmentReferenceSite[];
      /** Fields whose `${VAR}` did not resolve: already reported, so schema errors about them are not. */
      unresolvedFields: ReadonlySet<string>;
    }
  | { status: 'unreadable'; problems: ConfigProblem[] };

/** Reads the file, parses the YAML (keeping positions) and replaces `${VAR}` references from the environment. */
export function readProjectDocument(file: string, environment: NodeJS.ProcessEnv): ProjectDocument {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { status: 'unreadable', problems: [{ file, line: 1, column: 1, field: '', message: `cannot read the file: ${describeFileError(error)}` }] };
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      status: 'unreadable',
      problems: document.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        column: lineCounter.linePos(error.pos[0]).col,
        field: '',
        message: `YAML syntax error: ${error.message}`,
      })),
    };
  }

  const interpolation = interpolateEnvironment({ file, source, document, lineCounter, environment });
  const context: CheckContext = { file, document, lineCounter, problems: [...interpolation.problems] };
  try {
    const data: unknown = document.toJS({ maxAliasCount: 100 });
    return { status: 'read', context, data, references: interpolation.references, unresolvedFields: interpolation.unresolvedFields };
  } catch (error) {
    return { status: 'unreadable', problems: [...context.problems, { file, line: 1, column: 1, field: '', message: describeThrown(error) }] };
  }
}
