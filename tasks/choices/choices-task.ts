import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ControlTask } from '../../core/control-task';
import type { ControlOption, ControlTag, PredictionTarget } from '../../core/label-config';
import { findPackageRoot } from '../../core/package-root';
import { createChoicesSchema } from './create-choices-schema';
import { mapChoicesResult } from './map-choices-result';
import { parseChoicesAnswer } from './parse-choices-answer';
import { validateChoicesResult } from './validate-choices-result';

const TEXT_OBJECT_TYPES = new Set(['Text', 'HyperText', 'Paragraphs']);
const PROMPT_TEMPLATE_PATH = 'tasks/choices/choices.v1.prompt.txt';

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

function describeOption(option: ControlOption): string {
  const label =
    option.resultValue === option.value ? option.resultValue : `${option.resultValue} (${oneLine(option.value)})`;
  return option.hint ? `  - ${label}: ${oneLine(option.hint)}` : `  - ${label}`;
}

function describeObjects(target: PredictionTarget): string {
  return target.objects.map((object) => `<${object.dataField ?? object.name}>`).join(' and ');
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
  return fillTemplate(readPromptTemplate(), {
    controlName: control.name,
    objectNames: describeObjects(target),
    selectionRule: selectionRule(control),
    labelList: control.options.map(describeOption).join('\n'),
    absenceRule: absenceRule(control),
  }).trimEnd();
}

function isTextObjectWithData(object: PredictionTarget['objects'][number]): boolean {
  return TEXT_OBJECT_TYPES.has(object.type) && object.dataField !== null;
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
    objects.every(isTextObjectWithData)
  );
}

export const choicesTask: ControlTask = {
  name: 'choices.v1',
  controlType: 'Choices',
  supports: supportsChoices,
  instructions: createChoicesInstructions,
  schema: (target) => createChoicesSchema(target.control),
  parse: (raw, target) => parseChoicesAnswer(raw, target.control),
  map: (value, target) => mapChoicesResult(value, target),
  validate: (result, target) => validateChoicesResult(result, target.control),
};
