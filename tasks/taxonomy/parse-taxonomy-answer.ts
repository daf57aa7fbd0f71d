import type { ControlParseResult } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { abstain } from '../shared/abstain';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import {
  type TaxonomyNode,
  allowsLeavesOnly,
  joinPath,
  listTaxonomyNodes,
  readMaxUsages,
} from './create-taxonomy-schema';

/** The selected paths, each a list of stored labels from the root down, distinct and in taxonomy order. */
export type TaxonomyValue = string[][];

/** Text → node; null marks text that names several nodes. */
type NodeIndex = Map<string, TaxonomyNode | null>;

/** Lookups from the most to the least specific. */
interface NodeIndexes {
  /** The whole path, as stored (aliases) or as shown (values). */
  paths: NodeIndex;
  normalizedPaths: NodeIndex;
  /** A node's own label (alias or value), when no other node has it. */
  labels: NodeIndex;
  normalizedLabels: NodeIndex;
}

const MAX_LISTED_TEXTS = 5;
const BULLET = /^\s*(?:[-*•]|\d{1,3}[.)])\s+/;

/** Unicode NFKC, case-folded, punctuation, path arrows and invisible format characters removed, spaces collapsed. */
export function normalizePath(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{P}`^~|>→]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function addToIndex(index: NodeIndex, key: string, node: TaxonomyNode): void {
  if (key === '') return;
  const known = index.get(key);
  index.set(key, known === undefined || known === node ? node : null);
}

function createNodeIndexes(nodes: TaxonomyNode[]): NodeIndexes {
  const indexes: NodeIndexes = { paths: new Map(), normalizedPaths: new Map(), labels: new Map(), normalizedLabels: new Map() };
  for (const node of nodes) {
    for (const path of [node.path, node.labels]) {
      addToIndex(indexes.paths, joinPath(path), node);
      addToIndex(indexes.normalizedPaths, normalizePath(joinPath(path)), node);
      addToIndex(indexes.labels, path.at(-1) ?? '', node);
      addToIndex(indexes.normalizedLabels, normalizePath(path.at(-1) ?? ''), node);
    }
  }
  return indexes;
}

function findNode(text: string, indexes: NodeIndexes): TaxonomyNode | undefined {
  const exact = text.replace(BULLET, '').trim();
  const normalized = normalizePath(exact);
  return (
    indexes.paths.get(exact) ??
    indexes.normalizedPaths.get(normalized) ??
    indexes.labels.get(exact) ??
    indexes.normalizedLabels.get(normalized) ??
    undefined
  );
}

/** The nodes a text names: as a whole, else each of its comma- or semicolon-separated pieces. */
function findNodes(text: string, indexes: NodeIndexes): TaxonomyNode[] {
  const whole = findNode(text, indexes);
  if (whole !== undefined) return [whole];
  return text.split(/[,;]/).flatMap((piece) => findNode(piece, indexes) ?? []);
}

function textOf(element: unknown): string | undefined {
  if (typeof element === 'string') return element;
  if (Array.isArray(element) && element.length > 0 && element.every((level) => typeof level === 'string')) {
    return joinPath(element as string[]);
  }
  return undefined;
}

function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

/** The texts an answer holds: [] for no answer, undefined for an answer that holds no path text at all. */
function answerTexts(raw: unknown): string[] | undefined {
  if (raw === null || raw === undefined) return [];
  if (typeof raw === 'string') return linesOf(raw);
  if (!Array.isArray(raw)) return undefined;
  const texts = raw.map(textOf).filter((text): text is string => text !== undefined && text.trim() !== '');
  if (texts.length > 0) return texts;
  return raw.every((element) => element === null || (typeof element === 'string' && element.trim() === '')) ? [] : undefined;
}

function listQuoted(texts: string[]): string {
  const listed = texts.slice(0, MAX_LISTED_TEXTS).map(quoteText).join(', ');
  return texts.length > MAX_LISTED_TEXTS ? `${listed}, …` : listed;
}

function describeNothingSelectable(texts: string[], matched: TaxonomyNode[]): string {
  if (matched.length > 0) {
    return `${listQuoted(matched.map((node) => joinPath(node.path)))}: only leaves can be selected (leafsOnly)`;
  }
  return texts.length === 1 ? `${listQuoted(texts)} is not a taxonomy path` : `none of ${listQuoted(texts)} is a taxonomy path`;
}

/**
 * A model's answer for a Taxonomy control → the paths it selects. Strict: a path matches exactly or after
 * normalisation, or by a label only one node has; never by similarity. Unknown paths are left out; parents are
 * left out when only leaves may be selected; too many paths abstain rather than being cut.
 */
export function parseTaxonomyAnswer(raw: unknown, control: ControlTag): ControlParseResult {
  const texts = answerTexts(raw);
  if (texts === undefined) {
    const kind = describeKind(raw, { list: 'a list without path text' });
    return abstain(`the answer is not a list of taxonomy paths (got ${kind})`);
  }
  if (texts.length === 0) return abstain('no answer');
  const maxUsages = readMaxUsages(control);
  if (maxUsages === null) return abstain('the control has an unusable maxUsages');
  const nodes = listTaxonomyNodes(control);
  const indexes = createNodeIndexes(nodes);
  const matched = new Set(texts.flatMap((text) => findNodes(text, indexes)));
  const leavesOnly = allowsLeavesOnly(control);
  const selected = nodes.filter((node) => matched.has(node) && (node.isLeaf || !leavesOnly));
  if (selected.length === 0) return abstain(describeNothingSelectable(texts, [...matched]));
  if (maxUsages !== undefined && selected.length > maxUsages) {
    return abstain(`${selected.length} paths, more than maxUsages (${maxUsages}): ${listQuoted(selected.map((node) => joinPath(node.path)))}`);
  }
  const value: TaxonomyValue = selected.map((node) => [...node.path]);
  return { status: 'answered', value };
}
