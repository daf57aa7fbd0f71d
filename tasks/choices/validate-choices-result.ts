import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { choicesLabels } from './create-choices-schema';


function findChoiceProblem(choices: unknown[], control: ControlTag): string | null {
  const labels = new Set(choicesLabels(control));
  for (const choice of choices) {
    if (typeof choice !== 'string') return `a choice is ${describeKind(choice)}, not a label`;
    if (!labels.has(choice)) return `${quoteText(choice)} is not a label of "${control.name}"`;
  }
  if (new Set(choices).size !== choices.length) return 'value.choices repeats a label';
  if (control.choice === 'single' && choices.length !== 1) {
    return `a single-choice control takes exactly one label, got ${choices.length}`;
  }
  return null;
}

/** Why a `choices` result is invalid for this control, or null when it is valid. */
export function validateChoicesResult(result: ResultDraft, control: ControlTag): string | null {
  if (result.type !== 'choices') return `type is ${quoteText(String(result.type))}, expected "choices"`;
  const choices: unknown = result.value?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return 'value.choices must be a non-empty list of labels';
  return findChoiceProblem(choices, control);
}
