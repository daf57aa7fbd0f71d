import type { ControlParseResult } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { abstain } from '../shared/abstain';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { MAX_TEXT_LENGTH, isSingleLine, skipsDuplicates, textLimit } from './create-textarea-schema';

/** The texts a TextArea answer holds, trimmed, non-empty and distinct, at most as many as the control takes. */
export type TextAreaValue = string[];

const LINE_BREAKS = /\s*(?:\r\n|[\r\n\u2028\u2029])\s*/g;

/** Length in Unicode code points, as people count characters. */
export function countCharacters(text: string): number {
  return [...text].length;
}

function textOf(element: unknown): string | undefined {
  if (typeof element === 'string') return element;
  if (typeof element === 'number' && Number.isFinite(element)) return String(element);
  if (element === null) return '';
  return undefined;
}

/** The texts an answer holds, or undefined when it holds something that is not text. */
function answerTexts(raw: unknown): string[] | undefined {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) {
    const text = textOf(raw);
    return text === undefined ? undefined : [text];
  }
  const texts: string[] = [];
  for (const element of raw) {
    const text = textOf(element);
    if (text === undefined) return undefined;
    texts.push(text);
  }
  return texts;
}

function cleanText(text: string, control: ControlTag): string {
  const trimmed = text.trim();
  return isSingleLine(control) ? trimmed.replace(LINE_BREAKS, ' ') : trimmed;
}

function distinctTexts(texts: string[], control: ControlTag): string[] {
  const keyOf = skipsDuplicates(control) ? (text: string) => text.toLowerCase() : (text: string) => text;
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = keyOf(text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeExcess(texts: string[], limit: number): string {
  if (limit === 1) return `several texts for a control that takes one: ${texts.map(quoteText).join(', ')}`;
  return `${texts.length} texts, more than the ${limit} that maxSubmissions allows`;
}

/**
 * A model's answer for a TextArea control → its texts. Tolerant of form (a string, a list, a number written as
 * text, surrounding whitespace, line breaks for a one-line input), strict about content: blank, overlong or too
 * many texts abstain rather than being cut.
 */
export function parseTextAreaAnswer(raw: unknown, control: ControlTag): ControlParseResult {
  const texts = answerTexts(raw);
  if (texts === undefined) {
    const kind = describeKind(raw, { list: 'a list holding something other than text' });
    return abstain(`the answer is not text or a list of texts (got ${kind})`);
  }
  const cleaned = distinctTexts(
    texts.map((text) => cleanText(text, control)).filter((text) => text !== ''),
    control,
  );
  if (cleaned.length === 0) return abstain('no answer');
  const overlong = cleaned.find((text) => countCharacters(text) > MAX_TEXT_LENGTH);
  if (overlong !== undefined) {
    return abstain(`a text has ${countCharacters(overlong)} characters, more than the ${MAX_TEXT_LENGTH} allowed`);
  }
  const limit = textLimit(control);
  if (cleaned.length > limit) return abstain(describeExcess(cleaned, limit));
  const value: TextAreaValue = cleaned;
  return { status: 'answered', value };
}
