import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';
import { describeSpanKind } from '../spans/describe-span-kind';
import { findSpanLabelsProblem, isInteger } from '../spans/validate-labels-result';
import { quoteText } from '../shared/quote-text';
import { isInline } from './map-hypertext-labels-result';
import { readHypertext, type HypertextView } from './read-hypertext';
import { ownProperty } from '../../core/shared/own-property';

/** A boundary of a range → its index in the shown text, or why it is no boundary there. */
function toTextIndex(view: HypertextView, xpath: unknown, offset: unknown, name: string): number | string {
  if (typeof xpath !== 'string') return `value.${name} is ${describeSpanKind(xpath)}, not an XPath`;
  const node = view.nodes[view.nodeByXpath.get(xpath) ?? -1];
  if (!node) return `value.${name} ${quoteText(xpath)} is no text node of the HTML`;
  if (node.textStart === -1) return `value.${name} ${quoteText(xpath)} is text the editor does not show`;
  const offsetName = `${name}Offset`;
  if (!isInteger(offset) || offset < 0 || offset > node.value.length) {
    return `value.${offsetName} must be an integer from 0 to ${node.value.length} (UTF-16 units of ${quoteText(xpath)})`;
  }
  const before = node.value.slice(0, offset);
  if (/[\uD800-\uDBFF]$/.test(before)) return `value.${offsetName} ${offset} is inside a character`;
  return node.textStart + [...before].length;
}

function findRangeProblem(value: Record<string, unknown>, view: HypertextView): string | null {
  const start = toTextIndex(view, value.start, value.startOffset, 'start');
  if (typeof start === 'string') return start;
  const end = toTextIndex(view, value.end, value.endOffset, 'end');
  if (typeof end === 'string') return end;
  if (start >= end) return 'the range is empty or ends before it starts';
  const text = view.characters.slice(start, end).join('');
  if (value.text !== text) {
    return `value.text ${typeof value.text === 'string' ? quoteText(value.text) : describeSpanKind(value.text)} is not the text of the range, ${quoteText(text)}`;
  }
  return null;
}

/** Why a HyperText span result is invalid: type, XPaths of shown text nodes, UTF-16 offsets, `text`, labels. */
export function validateHypertextLabelsResult(result: ResultDraft, target: PredictionTarget, data: TaskData): string | null {
  const type = target.control.type.toLowerCase();
  if (result.type !== type) return `type is ${quoteText(String(result.type))}, expected "${type}"`;
  const object = target.objects.find((candidate) => candidate.name === result.to_name);
  const source = object?.dataField ? ownProperty(data, object.dataField) : undefined;
  if (typeof source !== 'string') return `the task has no HTML for "${result.to_name}"`;
  const value = result.value ?? {};
  return findRangeProblem(value, readHypertext(source, isInline(object))) ?? findSpanLabelsProblem(value[type], target.control, type);
}
