import type { ControlOption } from '../../core/spec/label-config';

/** How many labels an abstention reason lists before it ends with `…`. */
export const MAX_LISTED_LABELS = 12;

/** Unicode NFKC, case-folded, punctuation and invisible format characters removed, whitespace collapsed. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{P}`^~|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ways a model may write an option: its result value, its value, its alias. */
export function spellingsOf(option: ControlOption): string[] {
  return [option.resultValue, option.value, ...(option.alias === undefined ? [] : [option.alias])];
}

/**
 * Label text → the option's result value: exact result values first, then values and aliases, then a unique
 * normalised spelling (two options that normalise alike match neither). Never by similarity.
 */
export function createLabelMatcher(options: ControlOption[]): (text: string) => string | undefined {
  const exact = new Map<string, string>();
  const normalized = new Map<string, string | null>();
  for (const option of options) exact.set(option.resultValue, option.resultValue);
  for (const option of options) {
    for (const spelling of spellingsOf(option)) {
      if (!exact.has(spelling)) exact.set(spelling, option.resultValue);
      const key = normalizeLabel(spelling);
      if (key === '') continue;
      const known = normalized.get(key);
      normalized.set(key, known === undefined || known === option.resultValue ? option.resultValue : null);
    }
  }
  return (text) => exact.get(text) ?? exact.get(text.trim()) ?? normalized.get(normalizeLabel(text)) ?? undefined;
}

/** The labels for a message, the first `MAX_LISTED_LABELS` of them. */
export function listLabels(labels: string[]): string {
  const listed = labels.slice(0, MAX_LISTED_LABELS).join(', ');
  return labels.length > MAX_LISTED_LABELS ? `${listed}, …` : listed;
}
