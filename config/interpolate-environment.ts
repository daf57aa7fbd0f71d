import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type LineCounter } from 'yaml';
import { formatFieldPath, type ConfigProblem, type FieldPath } from './config-problem';
import { mapKeyText, positionOfNode, positionOfOffset } from './locate-yaml-node';
import { ownProperty } from '../core/shared/own-property';

/** Parsed `${...}` syntax of one string: literal text and references, a reference's default parsed the same way. */
export type ReferencePart =
  | { kind: 'text'; text: string }
  | { kind: 'reference'; variable: string; fallback: ReferencePart[] | null };

export type ParsedReferences = { parts: ReferencePart[] } | { error: string };

export interface ExpandedReferences {
  text: string;
  /** Every variable referenced, in order (defaults included). */
  variables: string[];
  /** Referenced variables that are unset and have no default. */
  missing: string[];
}

/** A string scalar that held environment references. */
export interface EnvironmentReferenceSite {
  path: FieldPath;
  field: string;
  node: Scalar;
  variables: string[];
  /** Whether the scalar holds anything besides references: literal text, or a default with literal text. */
  hasLiteralText: boolean;
}

export interface InterpolateEnvironmentOptions {
  /** The file name problems are reported with. */
  file: string;
  /** The text the document was parsed from, with the same lineCounter. */
  source: string;
  document: Document;
  lineCounter: LineCounter;
  environment: NodeJS.ProcessEnv;
}

export interface InterpolationResult {
  references: EnvironmentReferenceSite[];
  problems: ConfigProblem[];
  /** Field paths of scalars left as written because a reference could not be expanded. */
  unresolvedFields: Set<string>;
}

const VARIABLE_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const REFERENCE_SYNTAX = 'write ${NAME} or ${NAME:-default}, or $${ for a literal ${';

/**
 * Parses `${NAME}`, `${NAME:-default}` (the default may hold references too) and `$${` (a literal `${`).
 * A `$` not followed by `{` is literal.
 */
export function parseReferences(text: string): ParsedReferences {
  const parsed = parseParts(text, 0, false);
  return 'error' in parsed ? parsed : { parts: parsed.parts };
}

function parseParts(
  text: string,
  start: number,
  insideDefault: boolean,
): { parts: ReferencePart[]; end: number } | { error: string } {
  const parts: ReferencePart[] = [];
  let literal = '';
  let index = start;
  const flushLiteral = () => {
    if (literal) parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  while (index < text.length) {
    if (text.startsWith('$${', index)) {
      literal += '${';
      index += 3;
    } else if (text.startsWith('${', index)) {
      flushLiteral();
      VARIABLE_NAME.lastIndex = index + 2;
      const name = VARIABLE_NAME.exec(text)?.[0];
      if (!name) return { error: `"${excerpt(text, index)}" is not an environment reference: ${REFERENCE_SYNTAX}` };
      const afterName = index + 2 + name.length;
      if (text[afterName] === '}') {
        parts.push({ kind: 'reference', variable: name, fallback: null });
        index = afterName + 1;
      } else if (text.startsWith(':-', afterName)) {
        const fallback = parseParts(text, afterName + 2, true);
        if ('error' in fallback) return fallback;
        parts.push({ kind: 'reference', variable: name, fallback: fallback.parts });
        index = fallback.end + 1;
      } else {
        return { error: `"${excerpt(text, index)}" is not an environment reference: ${REFERENCE_SYNTAX}` };
      }
    } else if (insideDefault && text[index] === '}') {
      flushLiteral();
      return { parts, end: index };
    } else {
      literal += text[index];
      index += 1;
    }
  }
  if (insideDefault) return { error: `a \${...:-default} reference is not closed with "}"` };
  flushLiteral();
  return { parts, end: index };
}

function excerpt(text: string, start: number): string {
  const closing = text.indexOf('}', start);
  const end = closing === -1 ? Math.min(text.length, start + 20) : Math.min(closing + 1, start + 40);
  return text.slice(start, end);
}

/** `${NAME:-default}` takes the default when NAME is unset or empty, as the shell does. */
export function expandReferences(parts: readonly ReferencePart[], environment: NodeJS.ProcessEnv): ExpandedReferences {
  const expanded: ExpandedReferences = { text: '', variables: [], missing: [] };
  const expand = (partsToExpand: readonly ReferencePart[]): string => {
    let text = '';
    for (const part of partsToExpand) {
      if (part.kind === 'text') {
        text += part.text;
        continue;
      }
      expanded.variables.push(part.variable);
      const value = ownProperty(environment, part.variable) as string | undefined;
      if (value !== undefined && (part.fallback === null || value !== '')) text += value;
      else if (part.fallback !== null) text += expand(part.fallback);
      else expanded.missing.push(part.variable);
    }
    return text;
  };
  expanded.text = expand(parts);
  return expanded;
}

export function hasLiteralText(parts: readonly ReferencePart[]): boolean {
  return parts.some((part) =>
    part.kind === 'text' ? part.text !== '' : part.fallback !== null && hasLiteralText(part.fallback),
  );
}

/**
 * Expands environment references in the string scalars of a parsed YAML document, in place, so node ranges (and
 * so line numbers) stay those of the source. A plain scalar that is one reference is re-read as a YAML scalar
 * (`${TEMPERATURE:-0.2}` becomes a number); quoted and block scalars stay strings. Map keys are left alone.
 */
export function interpolateEnvironment(options: InterpolateEnvironmentOptions): InterpolationResult {
  const result: InterpolationResult = { references: [], problems: [], unresolvedFields: new Set() };
  visitValueScalars(options.document.contents, [], (node, path) => {
    if (typeof node.value !== 'string' || !node.value.includes('${')) return;
    const field = formatFieldPath(path);
    const parsed = parseReferences(node.value);
    if ('error' in parsed) {
      result.problems.push({ file: options.file, ...positionOfNode(options.lineCounter, node), field, message: parsed.error });
      result.unresolvedFields.add(field);
      return;
    }
    const expanded = expandReferences(parsed.parts, options.environment);
    if (expanded.variables.length > 0) {
      result.references.push({ path, field, node, variables: expanded.variables, hasLiteralText: hasLiteralText(parsed.parts) });
    }
    if (expanded.missing.length > 0) {
      for (const variable of new Set(expanded.missing)) {
        result.problems.push({
          file: options.file,
          ...positionOfReference(options, node, variable),
          field,
          message: `environment variable ${variable} is not set (give a default with \${${variable}:-default})`,
        });
      }
      result.unresolvedFields.add(field);
      return;
    }
    const isWholeReference = parsed.parts.length === 1 && parsed.parts[0]?.kind === 'reference';
    node.value = isWholeReference && node.type === Scalar.PLAIN ? rereadPlainScalar(expanded.text) : expanded.text;
  });
  return result;
}

function visitValueScalars(node: unknown, path: FieldPath, visitor: (node: Scalar, path: FieldPath) => void): void {
  if (isScalar(node)) {
    visitor(node, path);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const key = mapKeyText(pair.key);
      if (key !== null) visitValueScalars(pair.value, [...path, key], visitor);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => visitValueScalars(item, [...path, index], visitor));
  }
}

function rereadPlainScalar(text: string): unknown {
  if (text === '') return text;
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isScalar(document.contents)) return text;
  return document.contents.value;
}

/** Where `${variable}` or `${variable:` starts in the text (not escaped as `$${`), or -1; plain string search. */
function findReference(text: string, variable: string): number {
  const wanted = `\${${variable}`;
  for (let index = text.indexOf(wanted); index >= 0; index = text.indexOf(wanted, index + 1)) {
    const after = text[index + wanted.length];
    if (text[index - 1] !== '$' && (after === '}' || after === ':')) return index;
  }
  return -1;
}

/** The position of `${variable` inside the scalar's source when it can be found, else the scalar's start. */
function positionOfReference(options: InterpolateEnvironmentOptions, node: Scalar, variable: string) {
  const range = node.range;
  if (range) {
    const index = findReference(options.source.slice(range[0], range[1]), variable);
    if (index >= 0) return positionOfOffset(options.lineCounter, range[0] + index);
  }
  return positionOfNode(options.lineCounter, node);
}
