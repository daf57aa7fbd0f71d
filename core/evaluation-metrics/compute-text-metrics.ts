import { createRatio } from './create-ratio';
import type { TextMetrics } from '../spec/control-score';

/** One task's texts for a TextArea: the human's (never empty) and the model's (empty: no answer). */
export interface TextPair {
  gold: string[];
  predicted: string[];
}

export const NEAR_MATCH_MINIMUM_TOKEN_F1 = 0.8;

/** Unicode NFKC, trimmed, whitespace collapsed, case folded. */
export function normalizeAnswerText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase();
}

/** Words of the normalised text, punctuation removed. */
export function tokenize(text: string): string[] {
  return normalizeAnswerText(text)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(' ')
    .filter((token) => token !== '');
}

/** Token-level F1 (multiset overlap of words, as SQuAD scores answers): 1 for two texts without words. */
export function tokenF1(gold: string, predicted: string): number {
  const goldTokens = tokenize(gold);
  const predictedTokens = tokenize(predicted);
  if (goldTokens.length === 0 || predictedTokens.length === 0) return goldTokens.length === predictedTokens.length ? 1 : 0;
  const remaining = new Map<string, number>();
  for (const token of goldTokens) remaining.set(token, (remaining.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predictedTokens) {
    const left = remaining.get(token) ?? 0;
    if (left > 0) {
      remaining.set(token, left - 1);
      common += 1;
    }
  }
  return (2 * common) / (goldTokens.length + predictedTokens.length);
}

function normalizedList(texts: string[]): string[] {
  return texts.map(normalizeAnswerText).sort();
}

/** Equal after normalisation; several texts (`maxSubmissions`) must be equal as sets in any order. */
export function isTextMatch(pair: TextPair): boolean {
  if (pair.predicted.length === 0) return false;
  return JSON.stringify(normalizedList(pair.gold)) === JSON.stringify(normalizedList(pair.predicted));
}

/** The texts joined, scored as one answer; no answer scores 0. */
export function pairTokenF1(pair: TextPair): number {
  return pair.predicted.length === 0 ? 0 : tokenF1(pair.gold.join(' '), pair.predicted.join(' '));
}

export function computeTextMetrics(pairs: TextPair[]): TextMetrics {
  const scores = pairs.map(pairTokenF1);
  return {
    kind: 'text',
    exactMatch: createRatio(pairs.filter(isTextMatch).length, pairs.length),
    nearMatch: createRatio(scores.filter((score) => score >= NEAR_MATCH_MINIMUM_TOKEN_F1).length, pairs.length),
    nearMatchMinimumTokenF1: NEAR_MATCH_MINIMUM_TOKEN_F1,
    meanTokenF1: scores.length === 0 ? null : scores.reduce((total, score) => total + score, 0) / scores.length,
  };
}
