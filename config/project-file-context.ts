import { formatFieldPath, type ConfigProblem } from './config-problem';
import type { Document, LineCounter } from 'yaml';
import { fieldPathOf, locateYamlNode, positionOfNode, positionOfValue, type SourcePosition } from './locate-yaml-node';

/** One project file being loaded: its YAML document (for positions) and the problems found so far. */
export interface CheckContext {
  file: string;
  document: Document;
  lineCounter: LineCounter;
  problems: ConfigProblem[];
}

/** Where a file claims a project id or the default, to report two files claiming the same. */
export interface ProjectClaimSite extends SourcePosition {
  field: string;
}

/** A problem at a field of the file: at its value, or at its key. */
export function problemAt(
  context: CheckContext,
  fieldPath: readonly (string | number)[],
  message: string,
  pointAt: 'value' | 'key' = 'value',
): ConfigProblem {
  const located = locateYamlNode(context.document, fieldPath);
  const position =
    pointAt === 'key' && located.found && located.keyNode
      ? positionOfNode(context.lineCounter, located.keyNode)
      : positionOfValue(context.lineCounter, located);
  return { file: context.file, ...position, field: formatFieldPath(fieldPathOf(located, fieldPath)), message };
}

export function claimSite(context: CheckContext, fieldPath: (string | number)[], pointAt: 'value' | 'key'): ProjectClaimSite {
  const { line, column, field } = problemAt(context, fieldPath, '', pointAt);
  return { line, column, field };
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return describeThrown(error);
}

/** The message of something thrown (an Error or not). */
export function describeThrown(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
