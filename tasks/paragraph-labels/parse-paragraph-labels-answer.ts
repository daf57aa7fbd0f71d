import type { ControlParseResult } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { isSpanAnswer, parseMentions, type Mention, type SpanAnswer } from '../spans/parse-labels-answer';

/** A mention in a list of paragraphs; `paragraph` is where the model says it is (0-based), a hint, null when unusable. */
export interface ParagraphMention extends Mention {
  paragraph: number | null;
}

const DIGITS = /^\d+$/;

function readParagraphIndex(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return raw;
  if (typeof raw === 'string' && DIGITS.test(raw.trim())) return Number(raw.trim());
  return null;
}

/** A model's answer for a ParagraphLabels control → `SpanAnswer` of `{label, paragraph, text, context}` mentions. */
export function parseParagraphLabelsAnswer(raw: unknown, control: ControlTag): ControlParseResult {
  return parseMentions<ParagraphMention>(raw, control, (item, mention) => ({
    ...mention,
    paragraph: readParagraphIndex(item.paragraph),
  }));
}

export function isParagraphAnswer(value: unknown): value is SpanAnswer<ParagraphMention> {
  return (
    isSpanAnswer(value) &&
    value.mentions.every((mention) => {
      const { paragraph } = mention as Partial<ParagraphMention>;
      return paragraph === null || (typeof paragraph === 'number' && Number.isInteger(paragraph));
    })
  );
}
