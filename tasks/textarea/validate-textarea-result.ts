import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { MAX_TEXT_LENGTH, isSingleLine, readMaxSubmissions, skipsDuplicates } from './create-textarea-schema';
import { countCharacters } from './parse-textarea-answer';

const LINE_BREAK = /[\r\n\u2028\u2029]/;

function findTextProblem(text: unknown, control: ControlTag): string | null {
  if (typeof text !== 'string') return `a text is ${describeKind(text)}, not a string`;
  if (text.trim() === '') return 'a text is blank';
  const length = countCharacters(text);
  if (length > MAX_TEXT_LENGTH) return `a text has ${length} characters, more than the ${MAX_TEXT_LENGTH} allowed`;
  if (isSingleLine(control) && LINE_BREAK.test(text)) {
    return `${quoteText(text)} has a line break, which the one-line input of "${control.name}" (rows 1) drops`;
  }
  return null;
}

function findListProblem(texts: string[], control: ControlTag): string | null {
  const maxSubmissions = readMaxSubmissions(control);
  if (maxSubmissions !== undefined && texts.length > maxSubmissions) {
    return `${texts.length} texts, more than maxSubmissions (${maxSubmissions})`;
  }
  if (skipsDuplicates(control) && new Set(texts.map((text) => text.toLowerCase())).size !== texts.length) {
    return 'value.text repeats a text, which skipDuplicates forbids';
  }
  return null;
}

/** Why a `textarea` result is invalid for this control, or null when it is valid. */
export function validateTextAreaResult(result: ResultDraft, control: ControlTag): string | null {
  if (result.type !== 'textarea') return `type is ${quoteText(String(result.type))}, expected "textarea"`;
  const texts: unknown = result.value?.text;
  if (!Array.isArray(texts) || texts.length === 0) return 'value.text must be a non-empty list of texts';
  for (const text of texts) {
    const problem = findTextProblem(text, control);
    if (problem !== null) return problem;
  }
  return findListProblem(texts as string[], control);
}
