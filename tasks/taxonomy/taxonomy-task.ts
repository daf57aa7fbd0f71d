import type { ControlTask } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { describeObjects } from '../shared/describe-objects';
import { fillTemplate } from '../shared/fill-template';
import { isTextOrImageObjectWithData } from '../shared/is-text-or-image-object-with-data';
import { oneLine } from '../shared/one-line';
import { readControlAttribute } from '../shared/read-control-attribute';
import { readPromptTemplate } from '../shared/read-prompt-template';
import { scoreExactMatch } from '../shared/score-exact-match';
import {
  type TaxonomyNode,
  allowsLeavesOnly,
  createTaxonomySchema,
  hasDistinctJoinedPaths,
  joinPath,
  readMaxUsages,
  selectableNodes,
} from './create-taxonomy-schema';
import { mapTaxonomyResult } from './map-taxonomy-result';
import { parseTaxonomyAnswer } from './parse-taxonomy-answer';
import { validateTaxonomyResult } from './validate-taxonomy-result';

const PROMPT_TEMPLATE_PATH = 'tasks/taxonomy/taxonomy.v1.prompt.txt';

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
  return fillTemplate(readPromptTemplate(PROMPT_TEMPLATE_PATH), {
    controlName: control.name,
    objectNames: describeObjects(target),
    selectionRule: selectionRule(control),
    pathList: selectableNodes(control).map(describeNode).join('\n'),
    absenceRule: absenceRule(control),
  }).trimEnd();
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
    readControlAttribute(control, 'labeling') !== 'true' &&
    control.options.length > 0 &&
    readMaxUsages(control) !== null &&
    hasDistinctJoinedPaths(control) &&
    objects.length > 0 &&
    objects.every(isTextOrImageObjectWithData)
  );
}

export const taxonomyTask: ControlTask = {
  name: 'taxonomy.v1',
  controlType: 'Taxonomy',
  objectTypes: ['Text', 'HyperText', 'Paragraphs', 'Image'],
  supports: supportsTaxonomy,
  instructions: createTaxonomyInstructions,
  schema: (target) => createTaxonomySchema(target.control),
  parse: (raw, target) => parseTaxonomyAnswer(raw, target.control),
  map: (value, target) => mapTaxonomyResult(value, target),
  validate: (result, target) => validateTaxonomyResult(result, target.control),
  score: scoreExactMatch,
};
