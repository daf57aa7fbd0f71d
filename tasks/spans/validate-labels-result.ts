import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag, PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';
import { quoteText } from '../shared/quote-text';
import { spanLabels } from './create-labels-schema';
import { describeSpanKind } from './describe-span-kind';
import { codePointLength, sliceCodePoints } from './slice-code-points';
import { ownProperty } from '../../core/shared/own-property';

/** Why a span result's label list (`value[key]`) is invalid for the control, or null. */
export function findSpanLabelsProblem(labels: unknown, control: ControlTag, key: string): string | null {
  if (!Array.isArray(labels) || labels.length === 0) return `value.${key} must be a non-empty list of labels`;
  const known = new Set(spanLabels(control));
  for (const label of labels) {
    if (typeof label !== 'string') return `a label is ${describeSpanKind(label)}, not a label`;
    if (!known.has(label)) return `${quoteText(label)} is not a label of "${control.name}"`;
  }
  if (new Set(labels).size !== labels.length) return `value.${key} repeats a label`;
  if (control.choice !== 'multiple' && labels.length !== 1) {
    return `"${control.name}" takes one label per span, got ${labels.length}`;
  }
  return null;
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function findOffsetProblem(value: Record<string, unknown>, text: string): string | null {
  const { start, end } = value;
  if (!isInteger(start) || !isInteger(end)) return 'value.start and value.end must be integers';
  const length = codePointLength(text);
  if (start < 0 || start >= end || end > length) {
    return `offsets ${start}–${end} are not within the text: 0 ≤ start < end ≤ ${length} (code points)`;
  }
  const slice = sliceCodePoints(text, start, end);
  if (value.text !== slice) {
    return `value.text ${typeof value.text === 'string' ? quoteText(value.text) : describeSpanKind(value.text)} is not the text at ${start}–${end}, ${quoteText(slice)}`;
  }
  return null;
}

/** Why a span result on a `<Text>` is invalid: type, code point offsets within the text, `text` equal to the slice, labels. */
export function validateLabelsResult(result: ResultDraft, target: PredictionTarget, data: TaskData): string | null {
  const type = target.control.type.toLowerCase();
  if (result.type !== type) return `type is ${quoteText(String(result.type))}, expected "${type}"`;
  const object = target.objects.find((candidate) => candidate.name === result.to_name);
  const text = object?.dataField ? ownProperty(data, object.dataField) : undefined;
  if (typeof text !== 'string') return `the task has no text for "${result.to_name}"`;
  const value = result.value ?? {};
  return findOffsetProblem(value, text) ?? findSpanLabelsProblem(value[type], target.control, type);
}
