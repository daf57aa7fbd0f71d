import type { ControlParseResult } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { abstain } from '../shared/abstain';
import { createLabelMatcher, listLabels, normalizeLabel } from '../shared/create-label-matcher';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { choicesLabels } from './create-choices-schema';

/** The labels a Choices answer selects, distinct and in config order; one label for a single-choice control. */
export type ChoicesValue = string[];

type LabelMatcher = (text: string) => string | undefined;

const NUMBERED_BULLET = /^\s*\d{1,3}[.)]\s+/;

/** Exported here too, where its tests and users found it. */
export { normalizeLabel };

function withoutBullet(text: string): string {
  return text.replace(NUMBERED_BULLET, '');
}

function withoutPrefix(text: string): string {
  return text.slice(text.lastIndexOf(':') + 1);
}

/** A piece of a plain-text answer as written, without its list bullet, then without a `Category:`-style prefix. */
function matchPiece(piece: string, matcher: LabelMatcher): string[] {
  const cleaned = withoutBullet(piece.normalize('NFKC'));
  const label = matcher(piece) ?? matcher(cleaned) ?? matcher(withoutPrefix(cleaned));
  return label === undefined ? [] : [label];
}

function matchLine(line: string, matcher: LabelMatcher): string[] {
  const whole = matchPiece(line, matcher);
  if (whole.length > 0) return whole;
  return line.split(/[,;]/).flatMap((piece) => matchPiece(piece, matcher));
}

function matchAnswerText(text: string, matcher: LabelMatcher): string[] {
  const whole = matchPiece(text, matcher);
  if (whole.length > 0) return whole;
  return text.split(/\r\n|\r|\n/).flatMap((line) => matchLine(line, matcher));
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function textOf(element: unknown): string | undefined {
  if (typeof element === 'string') return element;
  if (typeof element === 'number' && Number.isFinite(element)) return String(element);
  return undefined;
}

/** The texts an answer holds: [] for no answer, undefined for an answer that is not label text at all. */
function answerTexts(raw: unknown): string[] | undefined {
  if (raw === null || raw === undefined) return [];
  if (Array.isArray(raw)) {
    const texts = raw.map(textOf).filter((text): text is string => text !== undefined);
    const filled = texts.filter((text) => !isBlank(text));
    if (filled.length > 0) return filled;
    return raw.length === texts.length ? [] : undefined;
  }
  const text = textOf(raw);
  if (text === undefined) return undefined;
  return isBlank(text) ? [] : [text];
}

function inConfigOrder(labels: Set<string>, control: ControlTag): string[] {
  return choicesLabels(control).filter((label) => labels.has(label));
}

function describeUnmatched(texts: string[], control: ControlTag): string {
  const labels = `(labels: ${listLabels(choicesLabels(control))})`;
  const [text] = texts;
  if (texts.length === 1 && text !== undefined) return `${quoteText(text)} is not a label ${labels}`;
  return `none of ${texts.map(quoteText).join(', ')} is a label ${labels}`;
}

/**
 * A model's answer for a Choices control → the labels it names. Strict: a label matches exactly or after
 * normalisation, never by similarity. Plain-text answers are split on lines, commas and semicolons.
 */
export function parseChoicesAnswer(raw: unknown, control: ControlTag): ControlParseResult {
  const texts = answerTexts(raw);
  if (texts === undefined) {
    const kind = describeKind(raw, { list: 'a list without label text' });
    return abstain(`the answer is not a label or a list of labels (got ${kind})`);
  }
  if (texts.length === 0) return abstain('no answer');
  const matcher = createLabelMatcher(control.options);
  const labels = inConfigOrder(new Set(texts.flatMap((text) => matchAnswerText(text, matcher))), control);
  if (labels.length === 0) return abstain(describeUnmatched(texts, control));
  if (control.choice === 'single' && labels.length > 1) {
    return abstain(`several labels for a single-choice control: ${listLabels(labels)}`);
  }
  const value: ChoicesValue = labels;
  return { status: 'answered', value };
}
