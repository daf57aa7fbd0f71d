import type { JsonSchema } from '../../core/spec/language-model';
import type { ControlOption, ControlTag } from '../../core/spec/label-config';
import { readControlAttribute } from '../shared/read-control-attribute';

/** How paths are written in prompts and answers: Label Studio's default `pathSeparator`. */
export const PATH_SEPARATOR = ' / ';
/** Above this many paths the schema lists no enum (providers cap enum sizes); the parser still checks every path. */
export const MAX_ENUM_PATHS = 500;

/** One `<Choice>` of the taxonomy tree as Label Studio's Taxonomy sees it. */
export interface TaxonomyNode {
  /** What a result stores: each level's alias, else its value, from the root down. */
  path: string[];
  /** What annotators read at each level: the values. */
  labels: string[];
  hint?: string;
  isLeaf: boolean;
}

/** Siblings as Label Studio keeps them: the first of several with the same value (`Taxonomy.jsx` `traverse`). */
function distinctSiblings(options: ControlOption[]): ControlOption[] {
  const seen = new Set<string>();
  return options.filter((option) => {
    if (seen.has(option.value)) return false;
    seen.add(option.value);
    return true;
  });
}

function collectNodes(options: ControlOption[], parent: TaxonomyNode | null, nodes: TaxonomyNode[]): void {
  for (const option of distinctSiblings(options)) {
    const children = distinctSiblings(option.children);
    const node: TaxonomyNode = {
      path: [...(parent?.path ?? []), option.resultValue],
      labels: [...(parent?.labels ?? []), option.value],
      isLeaf: children.length === 0,
      ...(option.hint === undefined ? {} : { hint: option.hint }),
    };
    nodes.push(node);
    collectNodes(children, node, nodes);
  }
}

/** Every node of the taxonomy, depth first in config order. */
export function listTaxonomyNodes(control: ControlTag): TaxonomyNode[] {
  const nodes: TaxonomyNode[] = [];
  collectNodes(control.options, null, nodes);
  return nodes;
}

/** `leafsOnly="true"`: annotators may select only nodes without children. */
export function allowsLeavesOnly(control: ControlTag): boolean {
  return readControlAttribute(control, 'leafsOnly') === 'true';
}

/** The nodes an answer may select: every node, or only leaves with `leafsOnly`. */
export function selectableNodes(control: ControlTag): TaxonomyNode[] {
  const nodes = listTaxonomyNodes(control);
  return allowsLeavesOnly(control) ? nodes.filter((node) => node.isLeaf) : nodes;
}

export function joinPath(path: string[]): string {
  return path.join(PATH_SEPARATOR);
}

/**
 * `maxUsages` as a whole number of selected paths, undefined when absent, null when Label Studio could not use it
 * sensibly (`0` forbids every selection, text never limits it).
 */
export function readMaxUsages(control: ControlTag): number | undefined | null {
  const maxUsages = readControlAttribute(control, 'maxUsages');
  if (maxUsages === undefined) return undefined;
  if (!/^\d+$/.test(maxUsages.trim())) return null;
  const value = Number(maxUsages.trim());
  return value >= 1 ? value : null;
}

/** Whether each selectable path is written differently once joined, so a joined path names one node. */
export function hasDistinctJoinedPaths(control: ControlTag): boolean {
  const joined = selectableNodes(control).map((node) => joinPath(node.path));
  return new Set(joined).size === joined.length;
}

function describeTaxonomyAnswer(control: ControlTag): string {
  const name = JSON.stringify(control.name);
  const maxUsages = readMaxUsages(control);
  const count = maxUsages === undefined || maxUsages === null ? '' : ` (at most ${maxUsages})`;
  const answer = `Every taxonomy path that applies for ${name}${count}, each written exactly as listed`;
  return control.required ? `${answer}, at least one.` : `${answer}; an empty list when none applies.`;
}

/** The answer schema of one Taxonomy control: a list of joined paths, valid for OpenAI strict structured output. */
export function createTaxonomySchema(control: ControlTag): JsonSchema {
  const paths = [...new Set(selectableNodes(control).map((node) => joinPath(node.path)))];
  const item = paths.length <= MAX_ENUM_PATHS ? { type: 'string', enum: paths } : { type: 'string' };
  return { type: 'array', items: item, description: describeTaxonomyAnswer(control) };
}
