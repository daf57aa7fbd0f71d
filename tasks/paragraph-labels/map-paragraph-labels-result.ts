import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';
import { createMentionLocator, describeUnlocated, type MentionLocator, type Span } from '../spans/locate-mentions';
import { NOT_A_SPAN_ANSWER } from '../spans/map-labels-result';
import type { MappingReport } from '../spans/mapping-report';
import { resolveSpans, type LabelledSpan, type ResolvedSpan } from '../spans/resolve-spans';
import { utf16IndexesOf } from '../spans/slice-code-points';
import { isParagraphAnswer, type ParagraphMention } from './parse-paragraph-labels-answer';
import { readParagraphs } from './read-paragraphs';

/** The paragraphs to search, nearest to the hint first (an off-by-one index is the likeliest mistake); all when no hint. */
export function paragraphSearchOrder(hint: number | null, count: number): number[] {
  if (hint === null || hint >= count) return Array.from({ length: count }, (_unused, index) => index);
  const order = [hint];
  for (let distance = 1; order.length < count; distance += 1) {
    if (hint - distance >= 0) order.push(hint - distance);
    if (hint + distance < count) order.push(hint + distance);
  }
  return order;
}

function locateInParagraphs(
  mention: ParagraphMention,
  paragraphCount: number,
  locatorOf: (paragraph: number) => MentionLocator,
): (Span & { paragraph: number }) | null {
  for (const paragraph of paragraphSearchOrder(mention.paragraph, paragraphCount)) {
    const span = locatorOf(paragraph).locate(mention);
    if (span) return { ...span, paragraph };
  }
  return null;
}

function describeWhere(mention: ParagraphMention): string {
  return mention.paragraph === null ? 'any paragraph' : `paragraph ${mention.paragraph} or any other`;
}

/** A span (code points in its paragraph) → Label Studio's ParagraphLabels value: paragraph indexes as strings, UTF-16 offsets. */
function toDraft(span: ResolvedSpan, paragraphs: string[], target: PredictionTarget): ResultDraft {
  const indexes = utf16IndexesOf(paragraphs[span.scope] ?? '');
  const type = target.control.type.toLowerCase();
  return {
    from_name: target.control.name,
    to_name: target.objects[0]?.name ?? '',
    type,
    value: {
      start: String(span.scope),
      end: String(span.scope),
      startOffset: indexes[span.start] ?? 0,
      endOffset: indexes[span.end] ?? 0,
      text: span.text,
      [type]: span.labels,
    },
  };
}

/**
 * Parsed mentions → `paragraphlabels` results: each mention is found in the paragraph the model names, else in the
 * nearest paragraph that has it, and stays within that paragraph.
 */
export function reportParagraphLabelsMapping(value: unknown, target: PredictionTarget, data: TaskData): MappingReport {
  if (!isParagraphAnswer(value)) return { drafts: [], dropped: [NOT_A_SPAN_ANSWER] };
  const paragraphs = readParagraphs(target, data);
  if (!Array.isArray(paragraphs)) return { drafts: [], dropped: [paragraphs.problem] };
  const locators = new Map<number, MentionLocator>();
  const locatorOf = (paragraph: number): MentionLocator => {
    let locator = locators.get(paragraph);
    if (!locator) {
      locator = createMentionLocator(paragraphs[paragraph] ?? '');
      locators.set(paragraph, locator);
    }
    return locator;
  };
  const located: LabelledSpan[] = [];
  const notFound: string[] = [];
  for (const mention of value.mentions) {
    const span = locateInParagraphs(mention, paragraphs.length, locatorOf);
    if (span) located.push({ scope: span.paragraph, start: span.start, end: span.end, text: span.text, label: mention.label });
    else notFound.push(describeUnlocated(mention, describeWhere(mention)));
  }
  const resolved = resolveSpans(located, target.control, 'paragraph');
  return {
    drafts: resolved.spans.map((span) => toDraft(span, paragraphs, target)),
    dropped: [...value.rejected, ...notFound, ...resolved.dropped],
  };
}

export function mapParagraphLabelsResult(value: unknown, target: PredictionTarget, data: TaskData): ResultDraft[] {
  return reportParagraphLabelsMapping(value, target, data).drafts;
}
