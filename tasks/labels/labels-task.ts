import type { SpanChunking } from '../../core/control-task';
import type { ObjectTag, PredictionTarget } from '../../core/label-config';
import { readAttribute } from '../shared/read-attribute';
import { scoreSpans } from '../shared/score-spans';
import { createLabelsSchema } from './create-labels-schema';
import { createSpanInstructions } from './create-span-instructions';
import { mapLabelsResult, reportLabelsMapping } from './map-labels-result';
import type { ReportingControlTask } from './mapping-report';
import { mergeSpanAnswers } from './merge-span-answers';
import { parseLabelsAnswer } from './parse-labels-answer';
import { validateLabelsResult } from './validate-labels-result';

const PROMPT_TEMPLATE_PATH = 'tasks/labels/labels.v1.prompt.txt';

/** An object that shows task data itself: not loaded from a URL, not base64-encoded. */
export function showsInlineData(object: ObjectTag): boolean {
  const encoding = readAttribute(object.attributes, 'encoding');
  return (
    object.dataField !== null &&
    readAttribute(object.attributes, 'valueType') !== 'url' &&
    (encoding === undefined || encoding === 'none')
  );
}

/** Config-declared labels of a whole-task span control on exactly one object of the given type. */
export function supportsSpanControl(target: PredictionTarget, controlType: string, objectType: string): boolean {
  const { control, objects } = target;
  return (
    control.type === controlType &&
    !control.perRegion &&
    !control.dynamicOptions &&
    control.options.length > 0 &&
    control.options.every((option) => option.children.length === 0) &&
    objects.length === 1 &&
    objects.every((object) => object.type === objectType && showsInlineData(object))
  );
}

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
