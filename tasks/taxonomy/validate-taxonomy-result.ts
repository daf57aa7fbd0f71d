import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { type TaxonomyNode, allowsLeavesOnly, joinPath, listTaxonomyNodes, readMaxUsages } from './create-taxonomy-schema';


/** Paths are compared level by level; JSON of the list keeps labels holding the separator apart. */
function pathKey(path: string[]): string {
  return JSON.stringify(path);
}

function findPathProblem(path: unknown, nodesByPath: Map<string, TaxonomyNode>, leavesOnly: boolean): string | null {
  if (!Array.isArray(path) || path.length === 0) return `a path is ${describeKind(path)}, not a non-empty list of labels`;
  const level = path.find((label) => typeof label !== 'string');
  if (level !== undefined) return `a path level is ${describeKind(level)}, not a label`;
  const node = nodesByPath.get(pathKey(path as string[]));
  if (node === undefined) return `${quoteText(joinPath(path as string[]))} is not a path of the taxonomy`;
  if (leavesOnly && !node.isLeaf) return `${quoteText(joinPath(node.path))} is not a leaf, and leafsOnly allows only leaves`;
  return null;
}

/** Why a `taxonomy` result is invalid for this control, or null when it is valid. */
export function validateTaxonomyResult(result: ResultDraft, control: ControlTag): string | null {
  if (result.type !== 'taxonomy') return `type is ${quoteText(String(result.type))}, expected "taxonomy"`;
  const paths: unknown = result.value?.taxonomy;
  if (!Array.isArray(paths) || paths.length === 0) return 'value.taxonomy must be a non-empty list of paths';
  const nodesByPath = new Map(listTaxonomyNodes(control).map((node) => [pathKey(node.path), node]));
  const leavesOnly = allowsLeavesOnly(control);
  for (const path of paths) {
    const problem = findPathProblem(path, nodesByPath, leavesOnly);
    if (problem !== null) return problem;
  }
  if (new Set(paths.map((path) => pathKey(path as string[]))).size !== paths.length) return 'value.taxonomy repeats a path';
  const maxUsages = readMaxUsages(control);
  if (maxUsages === null) return `"${control.name}" has an unusable maxUsages`;
  if (maxUsages !== undefined && paths.length > maxUsages) return `${paths.length} paths, more than maxUsages (${maxUsages})`;
  return null;
}
