import type { ControlTask } from '../../core/spec/control-task';
import type { ControlOption, ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { describeObjects } from '../shared/describe-objects';
import { fillTemplate } from '../shared/fill-template';
import { isTextOrImageObjectWithData } from '../shared/is-text-or-image-object-with-data';
import { oneLine } from '../shared/one-line';
import { readPromptTemplate } from '../shared/read-prompt-template';
import { createChoicesSchema } from './create-choices-schema';
import { mapChoicesResult } from './map-choices-result';
import { parseChoicesAnswer } from './parse-choices-answer';
import { scoreChoices } from './score-choices';
import { validateChoicesResult } from './validate-choices-result';

const PROMPT_TEMPLATE_PATH = 'tasks/choices/choices.v1.prompt.txt';

function describeOption(option: ControlOption): string {
  const label =
    option.resultValue === option.value ? option.resultValue : `${option.resultValue} (${oneLine(option.value)})`;
  return option.hint ? `  - ${label}: ${oneLine(option.hint)}` : `  - ${label}`;
}

function selectionRule(control: ControlTag): string {
  return control.choice === 'multiple'
    ? 'every label that applies (a list, each label at most once)'
    : 'exactly one label, the one that fits best';
}

function absenceRule(control: ControlTag): string {
  if (control.choice === 'multiple') {
    return control.required ? 'Give at least one label.' : 'If no label applies, answer an empty list.';
  }
  return control.required ? 'Always give the closest label.' : 'If no label applies, answer null.';
}

/** The prompt section for one Choices control: its labels with their hints, single or multiple, and when to abstain. */
export function createChoicesInstructions(target: PredictionTarget): string {
  const { control } = target;
  return fillTemplate(readPromptTemplate(PROMPT_TEMPLATE_PATH), {
    controlName: control.name,
    objectNames: describeObjects(target),
    selectionRule: selectionRule(control),
    labelList: control.options.map(describeOption).join('\n'),
    absenceRule: absenceRule(control),
  }).trimEnd();
}

/** Flat, config-declared Choices on text-like objects that show task data. */
export function supportsChoices(target: PredictionTarget): boolean {
  const { control, objects } = target;
  return (
    control.type === 'Choices' &&
    !control.perRegion &&
    !control.dynamicOptions &&
    control.options.length > 0 &&
    control.options.every((option) => option.children.length === 0) &&
    objects.length > 0 &&
    objects.every(isTextOrImageObjectWithData)
  );
}

export const choicesTask: ControlTask = {
  name: 'choices.v1',
  controlType: 'Choices',
  objectTypes: ['Text', 'HyperText', 'Paragraphs', 'Image'],
  supports: supportsChoices,
  instructions: createChoicesInstructions,
  schema: (target) => createChoicesSchema(target.control),
  parse: (raw, target) => parseChoicesAnswer(raw, target.control),
  map: (value, target) => mapChoicesResult(value, target),
  validate: (result, target) => validateChoicesResult(result, target.control),
  score: scoreChoices,
};
