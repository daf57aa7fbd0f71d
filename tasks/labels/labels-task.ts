import type { SpanChunking } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import { scoreSpans } from '../shared/score-spans';
import { createLabelsSchema } from '../spans/create-labels-schema';
import { createSpanInstructions } from '../spans/create-span-instructions';
import { mapLabelsResult, reportLabelsMapping } from '../spans/map-labels-result';
import type { ReportingControlTask } from '../spans/mapping-report';
import { mergeSpanAnswers } from '../spans/merge-span-answers';
import { parseLabelsAnswer } from '../spans/parse-labels-answer';
import { validateLabelsResult } from '../spans/validate-labels-result';
import { supportsSpanControl } from '../spans/supports-span-control';

const PROMPT_TEMPLATE_PATH = 'tasks/labels/labels.v1.prompt.txt';


/** Labels (named entities) on one `<Text>` that shows task data. */
export function supportsLabels(target: PredictionTarget): boolean {
  return supportsSpanControl(target, 'Labels', 'Text');
}

export function createLabelsInstructions(target: PredictionTarget): string {
  return createSpanInstructions(target, PROMPT_TEMPLATE_PATH);
}

const labelsChunking: SpanChunking = {
  field: (target) => (supportsLabels(target) ? (target.objects[0]?.dataField ?? null) : null),
  merge: (answers) => mergeSpanAnswers(answers),
};

export const labelsTask: ReportingControlTask = {
  name: 'labels.v1',
  controlType: 'Labels',
  objectTypes: ['Text'],
  supports: supportsLabels,
  instructions: createLabelsInstructions,
  schema: (target) => createLabelsSchema(target.control),
  parse: (raw, target) => parseLabelsAnswer(raw, target.control),
  map: mapLabelsResult,
  validate: validateLabelsResult,
  chunking: labelsChunking,
  reportMapping: reportLabelsMapping,
  score: (input) => scoreSpans(input),
};
