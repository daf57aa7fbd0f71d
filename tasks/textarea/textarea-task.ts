import type { ControlTask } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { describeHint } from '../shared/describe-hint';
import { describeObjects } from '../shared/describe-objects';
import { fillTemplate } from '../shared/fill-template';
import { isTextOrImageObjectWithData } from '../shared/is-text-or-image-object-with-data';
import { oneLine } from '../shared/one-line';
import { readControlAttribute } from '../shared/read-control-attribute';
import { readPromptTemplate } from '../shared/read-prompt-template';
import { createTextAreaSchema, isSingleLine, readMaxSubmissions, textLimit } from './create-textarea-schema';
import { mapTextAreaResult } from './map-textarea-result';
import { parseTextAreaAnswer } from './parse-textarea-answer';
import { scoreTextArea } from './score-textarea';
import { validateTextAreaResult } from './validate-textarea-result';

const PROMPT_TEMPLATE_PATH = 'tasks/textarea/textarea.v1.prompt.txt';

function countRule(control: ControlTag): string {
  const limit = textLimit(control);
  return limit > 1 ? `up to ${limit} separate texts (a list, each text once)` : 'one text';
}

function describePlaceholder(control: ControlTag): string {
  const placeholder = readControlAttribute(control, 'placeholder');
  return placeholder === undefined ? '' : `  Placeholder shown to annotators: ${JSON.stringify(oneLine(placeholder))}\n`;
}

function formatRule(control: ControlTag): string {
  return isSingleLine(control) ? 'Keep each text on one line.' : 'Line breaks are allowed.';
}

function absenceRule(control: ControlTag): string {
  if (textLimit(control) > 1) {
    return control.required
      ? 'Write at least one text.'
      : 'If the task data gives nothing to write, answer an empty list.';
  }
  return control.required ? 'Always write a text.' : 'If the task data gives nothing to write, answer null.';
}

/** The prompt section for one TextArea control: how many texts, its hint and placeholder, and when to abstain. */
export function createTextAreaInstructions(target: PredictionTarget): string {
  const { control } = target;
  return fillTemplate(readPromptTemplate(PROMPT_TEMPLATE_PATH), {
    controlName: control.name,
    objectNames: describeObjects(target),
    countRule: countRule(control),
    notes: describeHint(control) + describePlaceholder(control),
    formatRule: formatRule(control),
    absenceRule: absenceRule(control),
  }).trimEnd();
}

function hasUsableMaxSubmissions(control: ControlTag): boolean {
  const maxSubmissions = readMaxSubmissions(control);
  return maxSubmissions === undefined || maxSubmissions >= 1;
}

/** Whole-task TextAreas on text-like objects that show task data (interactive prompt TextAreas never get here: see core/select-targets.ts). */
export function supportsTextArea(target: PredictionTarget): boolean {
  const { control, objects } = target;
  return (
    control.type === 'TextArea' &&
    !control.perRegion &&
    hasUsableMaxSubmissions(control) &&
    objects.length > 0 &&
    objects.every(isTextOrImageObjectWithData)
  );
}

export const textAreaTask: ControlTask = {
  name: 'textarea.v1',
  controlType: 'TextArea',
  objectTypes: ['Text', 'HyperText', 'Paragraphs', 'Image'],
  supports: supportsTextArea,
  instructions: createTextAreaInstructions,
  schema: (target) => createTextAreaSchema(target.control),
  parse: (raw, target) => parseTextAreaAnswer(raw, target.control),
  map: (value, target) => mapTextAreaResult(value, target),
  validate: (result, target) => validateTextAreaResult(result, target.control),
  score: scoreTextArea,
};
