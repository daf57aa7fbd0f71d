import type { ControlTask } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { describeHint } from '../shared/describe-hint';
import { describeObjects } from '../shared/describe-objects';
import { fillTemplate } from '../shared/fill-template';
import { isTextOrImageObjectWithData } from '../shared/is-text-or-image-object-with-data';
import { readPromptTemplate } from '../shared/read-prompt-template';
import { scoreExactMatch } from '../shared/score-exact-match';
import {
  createNumberSchema,
  describeNumberConstraints,
  readNumberConstraints,
  takesIntegers,
} from './create-number-schema';
import { mapNumberResult } from './map-number-result';
import { parseNumberAnswer } from './parse-number-answer';
import { validateNumberResult } from './validate-number-result';

const PROMPT_TEMPLATE_PATH = 'tasks/number/number.v1.prompt.txt';

function absenceRule(control: ControlTag): string {
  return control.required ? 'Always give your best estimate.' : 'If the task data gives no such number, answer null.';
}

/** The prompt section for one Number control: its range and step, its hint, and when to abstain. */
export function createNumberInstructions(target: PredictionTarget): string {
  const { control } = target;
  const constraints = readNumberConstraints(control) ?? {};
  const limits = describeNumberConstraints(constraints);
  return fillTemplate(readPromptTemplate(PROMPT_TEMPLATE_PATH), {
    controlName: control.name,
    objectNames: describeObjects(target),
    kind: takesIntegers(constraints) ? 'a whole number' : 'a number',
    constraints: limits === '' ? '' : ` ${limits}`,
    notes: describeHint(control),
    formatRule: 'Write it as a plain JSON number, without units or thousands separators.',
    absenceRule: absenceRule(control),
  }).trimEnd();
}

/** Whole-task Numbers with usable min, max and step on text-like objects that show task data. */
export function supportsNumber(target: PredictionTarget): boolean {
  const { control, objects } = target;
  return (
    control.type === 'Number' &&
    !control.perRegion &&
    readNumberConstraints(control) !== null &&
    objects.length > 0 &&
    objects.every(isTextOrImageObjectWithData)
  );
}

export const numberTask: ControlTask = {
  name: 'number.v1',
  controlType: 'Number',
  objectTypes: ['Text', 'HyperText', 'Paragraphs', 'Image'],
  supports: supportsNumber,
  instructions: createNumberInstructions,
  schema: (target) => createNumberSchema(target.control),
  parse: (raw, target) => parseNumberAnswer(raw, target.control),
  map: (value, target) => mapNumberResult(value, target),
  validate: (result, target) => validateNumberResult(result, target.control),
  score: scoreExactMatch,
};
