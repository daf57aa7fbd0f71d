import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { FieldPath } from './config-problem';

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface LocatedYamlNode {
  /** The node at the path or, when the path does not exist, at its deepest existing part; aliases resolved. */
  node: Node | null;
  /** The key of the map entry holding `node`, when `node` is a map value. */
  keyNode: Node | null;
  /** Whether the whole path exists. */
  found: boolean;
  /** The path of `node`, sequence indexes as numbers. */
  path: (string | number)[];
}

/** The text a map key is matched by: what the key is in the document's plain JavaScript form. */
export function mapKeyText(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  return null;
}

/**
 * Walks a path (as an ajv instancePath splits, or as map keys and indexes) from the document root.
 * Sequence index segments may be numbers or digit strings.
 */
export function locateYamlNode(document: Document, path: readonly (string | number)[]): LocatedYamlNode {
  let node = resolveAlias(document, document.contents);
  let keyNode: Node | null = null;
  const resolvedPath: (string | number)[] = [];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => mapKeyText(item.key) === String(segment));
      if (!pair) return { node, keyNode, found: false, path: resolvedPath };
      keyNode = isNode(pair.key) ? pair.key : null;
      node = resolveAlias(document, pair.value);
      resolvedPath.push(String(segment));
    } else if (isSeq(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) {
        return { node, keyNode, found: false, path: resolvedPath };
      }
      keyNode = null;
      node = resolveAlias(document, node.items[index]);
      resolvedPath.push(index);
    } else {
      return { node, keyNode, found: false, path: resolvedPath };
    }
  }
  return { node, keyNode, found: true, path: resolvedPath };
}

function resolveAlias(document: Document, value: unknown): Node | null {
  if (isAlias(value)) return value.resolve(document) ?? value;
  return isNode(value) ? value : null;
}

export function positionOfOffset(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export function positionOfNode(lineCounter: LineCounter, node: Node | null): SourcePosition {
  const offset = node?.range?.[0];
  return offset === undefined ? { line: 1, column: 1 } : positionOfOffset(lineCounter, offset);
}

/**
 * Where to point for a problem with a value: the scalar itself, or for a collection written under a key the key
 * (a block collection starts on the line after its key).
 */
export function positionOfValue(lineCounter: LineCounter, located: LocatedYamlNode): SourcePosition {
  if (located.keyNode && !isScalar(located.node)) return positionOfNode(lineCounter, located.keyNode);
  return positionOfNode(lineCounter, located.node);
}

/** The path of a located node followed by the segments that were not found, for naming a field. */
export function fieldPathOf(located: LocatedYamlNode, requested: readonly (string | number)[]): FieldPath {
  return [...located.path, ...requested.slice(located.path.length).map(String)];
}
