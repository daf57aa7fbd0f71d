export const MAX_REASON_LENGTH = 80;

const QUOTED = /"(?:[^"\\]|\\.)*"|(?<!\w)'(?:[^'\\]|\\.)*'(?!\w)|`[^`]*`|“[^”]*”/g;
const PARENTHESISED = /\s*\([^()]*\)/g;
const NUMBER = /(?:(?<![\w-])-)?\d+(?:[.,:\-T/]\d+)*/g;
const REPEATED_VALUES = /<(value|n)>(?:,?\s*(?:and|or)?\s*<\1>)+/g;

/**
 * A reason as a bounded metric label value: quoted values become `<value>`, numbers `<n>`, parenthesised asides and
 * the detail after the first `: ` go, and the rest is capped at MAX_REASON_LENGTH characters. So
 * `"Maybe" is not a label of "sentiment"` and `"Perhaps" is not a label of "mood"` count as one reason.
 */
export function normalizeReason(reason: string): string {
  const general = reason
    .replace(QUOTED, '<value>')
    .replace(PARENTHESISED, '')
    .split(': ', 1)[0]
    ?.replace(NUMBER, '<n>')
    .replace(REPEATED_VALUES, '<$1>')
    .replace(/\s+/g, ' ')
    .trim();
  if (!general) return 'unknown';
  return general.length > MAX_REASON_LENGTH ? `${general.slice(0, MAX_REASON_LENGTH - 1)}…` : general;
}
