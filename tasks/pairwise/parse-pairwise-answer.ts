import type { ControlParseResult } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import { abstain } from '../shared/abstain';
import { describeKind } from '../shared/describe-kind';
import { quoteText } from '../shared/quote-text';
import { type PairwiseSide, findPairwiseObjects } from './create-pairwise-schema';

/** The side the answer prefers: `left` for the first object of toName, `right` for the second. */
export type PairwiseValue = PairwiseSide;

const NO_PREFERENCE = new Set(['none', 'neither', 'tie', 'equal', 'both', 'same', 'no preference']);
/** `left`, `the left one`, `right side`, … after normalisation. */
const SIDE_WORDS = /^(?:the )?(left|right)(?: (?:one|side|text|response|answer|option))?$/;

/** Unicode NFKC, case-folded, punctuation and invisible format characters removed, whitespace collapsed. */
export function normalizeSide(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{P}`^~|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each object's name and data field → its side; null for a spelling both sides share. */
function createSideIndex(target: PredictionTarget): Map<string, PairwiseSide | null> {
  const index = new Map<string, PairwiseSide | null>();
  const objects = findPairwiseObjects(target);
  const add = (spelling: string | null, side: PairwiseSide): void => {
    if (spelling === null) return;
    const key = normalizeSide(spelling);
    const known = index.get(key);
    index.set(key, known === undefined || known === side ? side : null);
  };
  for (const side of ['left', 'right'] as const) {
    add(objects?.[side].name ?? null, side);
    add(objects?.[side].dataField ?? null, side);
  }
  return index;
}

/**
 * A model's answer for a Pairwise control → `left` or `right`. Tolerant of form (case, quotes, punctuation, an
 * object's name or data field for its side), strict about the value: "tie", "both" and anything else abstain.
 */
export function parsePairwiseAnswer(raw: unknown, target: PredictionTarget): ControlParseResult {
  if (raw === null || raw === undefined) return abstain('no answer');
  if (typeof raw !== 'string') return abstain(`the answer is not "left" or "right" (got ${describeKind(raw)})`);
  const text = normalizeSide(raw);
  if (text === '') return abstain('no answer');
  if (NO_PREFERENCE.has(text)) return abstain(`${quoteText(raw)} prefers neither side`);
  const side = (SIDE_WORDS.exec(text)?.[1] as PairwiseSide | undefined) ?? createSideIndex(target).get(text);
  if (side === undefined || side === null) return abstain(`${quoteText(raw)} is not "left" or "right"`);
  const value: PairwiseValue = side;
  return { status: 'answered', value };
}
