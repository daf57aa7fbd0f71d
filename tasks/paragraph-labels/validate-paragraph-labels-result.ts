import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';
import { describeSpanKind } from '../spans/describe-span-kind';
import { findSpanLabelsProblem, isInteger } from '../spans/validate-labels-result';
import { quoteText } from '../shared/quote-text';
import { readParagraphs } from './read-paragraphs';

const PARAGRAPH_INDEX = /^(0|[1-9]\d*)$/;
const SPLITS_SURROGATE_PAIR = /^[\uDC00-\uDFFF]/;

function findParagraphProblem(value: Record<string, unknown>, paragraphs: string[]): string | null {
  const { start, end } = value;
  if (typeof start !== 'string' || !PARAGRAPH_INDEX.test(start)) {
    return `value.start must be a paragraph index written as a string, got ${typeof start === 'string' ? quoteText(start) : describeSpanKind(start)}`;
  }
  if (end !== start) return 'value.end must be the paragraph of value.start: a span stays within one paragraph';
  const paragraph = Number(start);
  if (paragraph >= paragraphs.length) return `paragraph ${paragraph} does not exist (the task has ${paragraphs.length})`;
  return null;
}

function findOffsetProblem(value: Record<string, unknown>, text: string): string | null {
  const { startOffset, endOffset } = value;
  if (!isInteger(startOffset) || !isInteger(endOffset)) return 'value.startOffset and value.endOffset must be integers';
  if (startOffset < 0 || startOffset >= endOffset || endOffset > text.length) {
    return `offsets ${startOffset}–${endOffset} are not within the paragraph: 0 ≤ startOffset < endOffset ≤ ${text.length} (UTF-16 units)`;
  }
  if (SPLITS_SURROGATE_PAIR.test(text.slice(startOffset)) || SPLITS_SURROGATE_PAIR.test(text.slice(endOffset))) {
    return `offsets ${startOffset}–${endOffset} cut a character in two`;
  }
  const slice = text.slice(startOffset, endOffset);
  if (value.text !== slice) {
    return `value.text ${typeof value.text === 'string' ? quoteText(value.text) : describeSpanKind(value.text)} is not the text at ${startOffset}–${endOffset}, ${quoteText(slice)}`;
  }
  return null;
}

/** Why a ParagraphLabels result is invalid: type, paragraph index (a string), UTF-16 offsets in it, `text`, labels. */
export function validateParagraphLabelsResult(result: ResultDraft, target: PredictionTarget, data: TaskData): string | null {
  const type = target.control.type.toLowerCase();
  if (result.type !== type) return `type is ${quoteText(String(result.type))}, expected "${type}"`;
  if (!target.objects.some((object) => object.name === result.to_name)) return `"${result.to_name}" is no object of this control`;
  const paragraphs = readParagraphs(target, data);
  if (!Array.isArray(paragraphs)) return paragraphs.problem;
  const value = result.value ?? {};
  return (
    findParagraphProblem(value, paragraphs) ??
    findOffsetProblem(value, paragraphs[Number(value.start)] ?? '') ??
    findSpanLabelsProblem(value[type], target.control, type)
  );
}
