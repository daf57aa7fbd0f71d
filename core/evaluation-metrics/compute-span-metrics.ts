import { createPrecisionRecall } from './create-precision-recall';
import type { SpanMetrics } from '../spec/control-score';

/**
 * One labelled span. `key` identifies its position exactly (as the result states it); `start` and `end` order it
 * in the document (compared element by element: an offset, or a paragraph or node index then an offset; end
 * exclusive), null when it cannot be placed, and then it overlaps only a span with the same key.
 */
export interface Span {
  label: string;
  key: string;
  start: number[] | null;
  end: number[] | null;
}

/** One task's spans for a control: the human's and the model's. */
export interface SpanPair {
  gold: Span[];
  predicted: Span[];
}

function comparePositions(left: number[], right: number[]): number {
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function spanKey(span: Span): string {
  return `${span.label}\u0000${span.key}`;
}

export function overlaps(left: Span, right: Span): boolean {
  if (left.label !== right.label) return false;
  if (!left.start || !left.end || !right.start || !right.end) return left.key === right.key;
  return comparePositions(left.start, right.end) < 0 && comparePositions(right.start, left.end) < 0;
}

/** Spans with the same position and label, each counted once. */
export function countStrictMatches(gold: Span[], predicted: Span[]): number {
  const remaining = new Map<string, number>();
  for (const span of gold) remaining.set(spanKey(span), (remaining.get(spanKey(span)) ?? 0) + 1);
  let matched = 0;
  for (const span of predicted) {
    const left = remaining.get(spanKey(span)) ?? 0;
    if (left > 0) {
      remaining.set(spanKey(span), left - 1);
      matched += 1;
    }
  }
  return matched;
}

/**
 * The largest one-to-one matching of human and predicted spans that overlap with the same label (augmenting
 * paths): a human span is counted once however many predicted pieces cover it, and a predicted span that covers
 * two human spans counts for one.
 */
export function countPartialMatches(gold: Span[], predicted: Span[]): number {
  const goldFor = new Array<number>(predicted.length).fill(-1);
  const augment = (goldIndex: number, visited: boolean[]): boolean => {
    for (const [predictedIndex, span] of predicted.entries()) {
      if (visited[predictedIndex] || !overlaps(gold[goldIndex] as Span, span)) continue;
      visited[predictedIndex] = true;
      const holder = goldFor[predictedIndex] as number;
      if (holder === -1 || augment(holder, visited)) {
        goldFor[predictedIndex] = goldIndex;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (const goldIndex of gold.keys()) {
    if (augment(goldIndex, new Array<boolean>(predicted.length).fill(false))) matched += 1;
  }
  return matched;
}

/** Right for a task: the model marked exactly the human spans. */
export function isSpanMatch(pair: SpanPair): boolean {
  return pair.gold.length === pair.predicted.length && countStrictMatches(pair.gold, pair.predicted) === pair.gold.length;
}

/** Strict and partial span precision, recall and F1, summed over all tasks (micro average). */
export function computeSpanMetrics(pairs: SpanPair[]): SpanMetrics {
  let gold = 0;
  let predicted = 0;
  let strict = 0;
  let partial = 0;
  for (const pair of pairs) {
    gold += pair.gold.length;
    predicted += pair.predicted.length;
    strict += countStrictMatches(pair.gold, pair.predicted);
    partial += countPartialMatches(pair.gold, pair.predicted);
  }
  return {
    kind: 'spans',
    strict: createPrecisionRecall(strict, predicted, gold),
    partial: createPrecisionRecall(partial, predicted, gold),
  };
}
