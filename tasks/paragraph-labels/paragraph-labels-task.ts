import type { PredictionTarget } from '../../core/spec/label-config';
import { createSpanInstructions } from '../spans/create-span-instructions';
import { supportsSpanControl } from '../spans/supports-span-control';
import type { ReportingControlTask } from '../spans/mapping-report';
import { readAttribute } from '../shared/read-attribute';
import { scoreSpans } from '../shared/score-spans';
import { createParagraphLabelsSchema } from './create-paragraph-labels-schema';
import { mapParagraphLabelsResult, reportParagraphLabelsMapping } from './map-paragraph-labels-result';
import { parseParagraphLabelsAnswer } from './parse-paragraph-labels-answer';
import { validateParagraphLabelsResult } from './validate-paragraph-labels-result';

const PROMPT_TEMPLATE_PATH = 'tasks/paragraph-labels/paragraph-labels.v1.prompt.txt';

/**
 * ParagraphLabels on one `<Paragraphs>` that shows task data. Not with `contextScroll="true"`: the editor then sorts
 * the paragraphs by start time, so result indexes would not be positions in the task data.
 */
export function supportsParagraphLabels(target: PredictionTarget): boolean {
  return (
    supportsSpanControl(target, 'ParagraphLabels', 'Paragraphs') &&
    target.objects.every((object) => readAttribute(object.attributes, 'contextScroll') !== 'true')
  );
}

export function createParagraphLabelsInstructions(target: PredictionTarget): string {
  return createSpanInstructions(target, PROMPT_TEMPLATE_PATH);
}

export const paragraphLabelsTask: ReportingControlTask = {
  name: 'paragraph-labels.v1',
  controlType: 'ParagraphLabels',
  objectTypes: ['Paragraphs'],
  supports: supportsParagraphLabels,
  instructions: createParagraphLabelsInstructions,
  schema: (target) => createParagraphLabelsSchema(target.control),
  parse: (raw, target) => parseParagraphLabelsAnswer(raw, target.control),
  map: mapParagraphLabelsResult,
  validate: validateParagraphLabelsResult,
  reportMapping: reportParagraphLabelsMapping,
  score: (input) => scoreSpans(input),
};
