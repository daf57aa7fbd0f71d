import type { PredictionTarget } from '../../core/spec/label-config';
import { createLabelsSchema } from '../spans/create-labels-schema';
import { createSpanInstructions } from '../spans/create-span-instructions';
import { supportsSpanControl } from '../spans/supports-span-control';
import type { ReportingControlTask } from '../spans/mapping-report';
import { parseLabelsAnswer } from '../spans/parse-labels-answer';
import { mapHypertextLabelsResult, reportHypertextLabelsMapping } from './map-hypertext-labels-result';
import { scoreHypertextLabels } from './score-hypertext-labels';
import { validateHypertextLabelsResult } from './validate-hypertext-labels-result';

const PROMPT_TEMPLATE_PATH = 'tasks/hypertext-labels/hypertext-labels.v1.prompt.txt';

/** HyperTextLabels on one `<HyperText>` that shows task data. */
export function supportsHypertextLabels(target: PredictionTarget): boolean {
  return supportsSpanControl(target, 'HyperTextLabels', 'HyperText');
}

/** The generic Labels control on one `<HyperText>`. */
export function supportsLabelsOnHypertext(target: PredictionTarget): boolean {
  return supportsSpanControl(target, 'Labels', 'HyperText');
}

export function createHypertextLabelsInstructions(target: PredictionTarget): string {
  return createSpanInstructions(target, PROMPT_TEMPLATE_PATH);
}

export const hypertextLabelsTask: ReportingControlTask = {
  name: 'hypertext-labels.v1',
  controlType: 'HyperTextLabels',
  objectTypes: ['HyperText'],
  supports: supportsHypertextLabels,
  instructions: createHypertextLabelsInstructions,
  schema: (target) => createLabelsSchema(target.control),
  parse: (raw, target) => parseLabelsAnswer(raw, target.control),
  map: mapHypertextLabelsResult,
  validate: validateHypertextLabelsResult,
  reportMapping: reportHypertextLabelsMapping,
  score: scoreHypertextLabels,
};

/** The same task for `<Labels>` on `<HyperText>` (a task fills one control type): results of type `labels`. */
export const labelsOnHypertextTask: ReportingControlTask = {
  ...hypertextLabelsTask,
  name: 'labels-on-hypertext.v1',
  controlType: 'Labels',
  objectTypes: ['HyperText'],
  supports: supportsLabelsOnHypertext,
};
