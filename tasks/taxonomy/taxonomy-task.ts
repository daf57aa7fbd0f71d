import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ControlTask } from '../../core/control-task';
import type { ControlTag, ObjectTag, PredictionTarget } from '../../core/label-config';
import { findPackageRoot } from '../../core/package-root';
import {
  type TaxonomyNode,
  allowsLeavesOnly,
  createTaxonomySchema,
  hasDistinctJoinedPaths,
  joinPath,
  readAttribute,
  readMaxUsages,
  selectableNodes,
} from './create-taxonomy-schema';
import { mapTaxonomyResult } from './map-taxonomy-result';
import { parseTaxonomyAnswer } from './parse-taxonomy-answer';
import { validateTaxonomyResult } from './validate-taxonomy-result';

const TEXT_OBJECT_TYPES = new Set(['Text', 'HyperText', 'Paragraphs']);
const PROMPT_TEMPLATE_PATH = 'tasks/taxonomy/taxonomy.v1.prompt.txt';

let promptTemplate: string | undefined;

function readPromptTemplate(): string {
  promptTemplate ??= readFileSync(path.join(findPackageRoot(__dirname), PROMPT_TEMPLATE_PATH), 'utf8');
  return promptTemplate;
}

/** Replaces each `{name}` with its value in one pass, so braces inside values stay as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function describeObjects(target: PredictionTarget): string {
  return target.objects.map((object) => `<${object.dataField ?? object.name}>`).join(' and ');
}

function describeNode(node: TaxonomyNode): string {
  const stored = joinPath(node.path);
  const shown = joinPath(node.labels.map(oneLine));
  const label = stored === shown ? stored : `${stored} (shown as ${shown})`;
  return node.hint ? `  - ${label}: ${oneLine(node.hint)}` : `  - ${label}`;
}

function selectionRule(control: ControlTag): string {
  const maxUsages = readMaxUsages(control);
  const leaves = allowsLeavesOnly(control) ? ', only the listed leaves' : '';
  if (maxUsages === 1) return `one path, the most specific that fits${leaves}`;
  const limit = typeof maxUsages === 'number' ? `, at most ${maxUsages}` : '';
  return `every path that applies (a list, each path once${limit}${leaves})`;
}

function absenceRule(control: ControlTag): string {
  return control.required ? 'Give at least one path.' : 'If no path applies, answer an empty list.';
}

/** The prompt section for one Taxonomy control: its selectable paths with hints and aliases, and when to abstain. */
export function createTaxonomyInstructions(target: PredictionTarget): string {
  const { control } = target;
  return fillTemplate(readPromptTemplate(), {
    controlName: control.name,
    objectNames: describeObjects(target),
    selectionRule: selectionRule(control),
    pathList: selectableNodes(control).map(describeNode).join('\n'),
    absenceRule: absenceRule(control),
  }).trimEnd();
}

function isTextObjectWithData(object: ObjectTag): boolean {
  return TEXT_OBJECT_TYPES.has(object.type) && object.dataField !== null;
}

/**
 * Config-declared, whole-task Taxonomies (not `apiUrl`, not `labeling` mode) with a usable maxUsages, whose
 * selectable paths read differently once joined, on text-like objects that show task data.
 */
export function supportsTaxonomy(target: PredictionTarget): boolean {
  const { control, objects } = target;
  return (
    control.type === 'Taxonomy' &&
    !control.perRegion &&
    !control.dynamicOptions &&
    readAttribute(control, 'labeling') !== 'true' &&
    control.options.length > 0 &&
    readMaxUsages(control) !== null &&
    hasDistinctJoinedPaths(control) &&
    objects.length > 0 &&
    objects.every(isTextObjectWithData)
  );
}

export const taxonomyTask: ControlTask = {
  name: 'taxonomy.v1',
  controlType: 'Taxonomy',
  supports: supportsTaxonomy,
  instructions: createTaxonomyInstructions,
  schema: (target) => createTaxonomySchema(target.control),
  parse: (raw, target) => parseTaxonomyAnswer(raw, target.control),
  map: (value, target) => mapTaxonomyResult(value, target),
  validate: (result, target) => validateTaxonomyResult(result, target.control),
};
