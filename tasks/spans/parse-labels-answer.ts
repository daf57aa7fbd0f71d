import type { ControlParseResult } from '../../core/spec/control-task';
import { isRecord } from '../../core/shared/is-record';
import { parseJsonText } from '../../core/json/extract-json-object';
import type { ControlTag } from '../../core/spec/label-config';
import { abstain } from '../shared/abstain';
import { createLabelMatcher, listLabels } from '../shared/create-label-matcher';
import { quoteText } from '../shared/quote-text';
import { spanLabels } from './create-labels-schema';
import { describeSpanKind } from './describe-span-kind';

/** One mention the model names: a label and a quote, never offsets (those are found in the text). */
export interface Mention {
  label: string;
  /** The quote, without surrounding whitespace. */
  text: string;
  /** The quote with some words around it; the quote itself when the model gave no usable context. */
  context: string;
  /** The code point where the chunk holding the mention starts (0 when unchunked); the search prefers occurrences from there. */
  offset: number;
}

/** A parsed span answer: the usable mentions in answer order, and why other answer items were left out. */
export interface SpanAnswer<M extends Mention = Mention> {
  mentions: M[];
  rejected: string[];
}

/** Reads task-specific keys of an answer item (e.g. the paragraph); returns the mention, or why the item is unusable. */
export type MentionReader<M extends Mention> = (item: Record<string, unknown>, mention: Mention) => M | string;

const MAX_REASONS_IN_ABSTENTION = 3;

function looksLikeMention(value: Record<string, unknown>): boolean {
  return Object.hasOwn(value, 'text') || Object.hasOwn(value, 'label');
}

/** The items of an answer: a list, a list as JSON text, one mention, or an object wrapping one list. */
function answerItems(raw: unknown, allowText = true): unknown[] | undefined {
  if (raw === null || raw === undefined) return [];
  if (Array.isArray(raw)) return raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return [];
    const parsed = allowText ? parseJsonText(raw) : undefined;
    return parsed === undefined ? undefined : answerItems(parsed, false);
  }
  if (!isRecord(raw)) return undefined;
  if (looksLikeMention(raw)) return [raw];
  const lists = Object.values(raw).filter(Array.isArray);
  return lists.length === 1 ? lists[0] : undefined;
}

function readMention(
  item: unknown,
  matchLabel: (text: string) => string | undefined,
  control: ControlTag,
): Mention | string {
  if (!isRecord(item)) return `is ${describeSpanKind(item)}, not a mention`;
  const { label: rawLabel, text: rawText, context: rawContext } = item;
  if (typeof rawLabel !== 'string') return `has no label (got ${describeSpanKind(rawLabel)})`;
  const label = matchLabel(rawLabel);
  if (label === undefined) return `${quoteText(rawLabel)} is not a label (labels: ${listLabels(spanLabels(control))})`;
  if (typeof rawText !== 'string' || rawText.trim() === '') return 'has no quoted text';
  const text = rawText.trim();
  const context = typeof rawContext === 'string' && rawContext.trim() !== '' ? rawContext : text;
  return { label, text, context, offset: 0 };
}

/**
 * A model's answer for a span control → the mentions it names. Items that cannot be used are left out and their
 * reasons kept in `rejected`; the answer abstains when no item is usable.
 */
export function parseMentions<M extends Mention>(
  raw: unknown,
  control: ControlTag,
  readTaskKeys: MentionReader<M>,
): ControlParseResult {
  const items = answerItems(raw);
  if (items === undefined) return abstain(`the answer is not a list of mentions (got ${describeSpanKind(raw)})`);
  if (items.length === 0) return abstain('no mentions');
  const matchLabel = createLabelMatcher(control.options);
  const answer: SpanAnswer<M> = { mentions: [], rejected: [] };
  items.forEach((item, index) => {
    const common = readMention(item, matchLabel, control);
    const mention = typeof common === 'string' ? common : readTaskKeys(item as Record<string, unknown>, common);
    if (typeof mention === 'string') answer.rejected.push(`answer item ${index + 1} ${mention}`);
    else answer.mentions.push(mention);
  });
  if (answer.mentions.length > 0) return { status: 'answered', value: answer };
  const reasons = answer.rejected.slice(0, MAX_REASONS_IN_ABSTENTION).join('; ');
  const more = answer.rejected.length > MAX_REASONS_IN_ABSTENTION ? '; …' : '';
  return abstain(`no usable mention: ${reasons}${more}`);
}

/** A model's answer for a Labels control on a text → `SpanAnswer` of `{label, text, context}` mentions. */
export function parseLabelsAnswer(raw: unknown, control: ControlTag): ControlParseResult {
  return parseMentions(raw, control, (_item, mention) => mention);
}

/** Whether a value is a `SpanAnswer` as the parsers produce it (map and merge receive unchecked values). */
export function isSpanAnswer(value: unknown): value is SpanAnswer {
  return (
    isRecord(value) &&
    Array.isArray(value.mentions) &&
    Array.isArray(value.rejected) &&
    value.mentions.every(
      (mention) =>
        isRecord(mention) &&
        typeof mention.label === 'string' &&
        typeof mention.text === 'string' &&
        typeof mention.context === 'string' &&
        typeof mention.offset === 'number',
    )
  );
}
