import type { ControlOption, ControlTag, PredictionTarget } from '../../core/spec/label-config';
import { describeObjects } from '../shared/describe-objects';
import { fillTemplate } from '../shared/fill-template';
import { oneLine } from '../shared/one-line';
import { readAttribute } from '../shared/read-attribute';
import { readPromptTemplate } from '../shared/read-prompt-template';

function describeOption(option: ControlOption): string {
  const label =
    option.resultValue === option.value ? option.resultValue : `${option.resultValue} (${oneLine(option.value)})`;
  return option.hint ? `  - ${label}: ${oneLine(option.hint)}` : `  - ${label}`;
}

function labelRule(control: ControlTag): string {
  return control.choice === 'multiple'
    ? 'When several labels apply to one mention, list the mention once per label.'
    : 'Give each mention the one label that fits best.';
}

function overlapRule(control: ControlTag): string {
  return readAttribute(control.attributes, 'allowOverlap') === 'true'
    ? 'Mentions may overlap or nest.'
    : 'Mentions never overlap: mark each stretch of text at most once.';
}

/** The prompt section of one span control, from the task's template (a path from the package root). */
export function createSpanInstructions(target: PredictionTarget, templatePath: string): string {
  const { control } = target;
  return fillTemplate(readPromptTemplate(templatePath), {
    controlName: control.name,
    objectNames: describeObjects(target),
    labelList: control.options.map(describeOption).join('\n'),
    labelRule: labelRule(control),
    overlapRule: overlapRule(control),
  }).trimEnd();
}
