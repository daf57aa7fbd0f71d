import type { ControlTag } from '../../core/spec/label-config';
import { quoteText } from '../shared/quote-text';
import { readAttribute } from '../shared/read-attribute';
import { spanLabels } from './create-labels-schema';

/** A located mention: offsets within its scope (a whole text, or one paragraph), and its label. */
export interface LabelledSpan {
  /** Spans only overlap or coincide within the same scope (e.g. the paragraph index; 0 for a single text). */
  scope: number;
  start: number;
  end: number;
  text: string;
  label: string;
}

/** One result's span: labels in config order. */
export interface ResolvedSpan {
  scope: number;
  start: number;
  end: number;
  text: string;
  labels: string[];
}

export interface ResolvedSpans {
  spans: ResolvedSpan[];
  /** Why spans were left out. */
  dropped: string[];
}

/** How reasons name a span's scope, e.g. `paragraph`; unnamed scopes are left out. */
export type ScopeName = string | null;

function describeSpan(span: LabelledSpan | ResolvedSpan, scopeName: ScopeName): string {
  const scope = scopeName === null ? '' : `${scopeName} ${span.scope}, `;
  return `${quoteText(span.text)} at ${scope}${span.start}–${span.end}`;
}

function spanKey(span: LabelledSpan): string {
  return `${span.scope}:${span.start}:${span.end}`;
}

function overlaps(left: ResolvedSpan, right: ResolvedSpan): boolean {
  return left.scope === right.scope && left.start < right.end && right.start < left.end;
}

/** Spans at the same place become one: identical ones collapse, other labels join only on a multiple-choice control. */
function mergeSamePlace(spans: LabelledSpan[], control: ControlTag, scopeName: ScopeName, dropped: string[]): ResolvedSpan[] {
  const byPlace = new Map<string, ResolvedSpan>();
  for (const span of spans) {
    const known = byPlace.get(spanKey(span));
    if (!known) {
      byPlace.set(spanKey(span), { scope: span.scope, start: span.start, end: span.end, text: span.text, labels: [span.label] });
      continue;
    }
    if (known.labels.includes(span.label)) continue;
    if (control.choice === 'multiple') {
      known.labels.push(span.label);
    } else {
      dropped.push(
        `${describeSpan(span, scopeName)} is already labelled ${known.labels.join(', ')}; "${control.name}" takes one label per span, so ${span.label} is dropped`,
      );
    }
  }
  return [...byPlace.values()];
}

/**
 * Located mentions → result spans, following the control: identical spans collapse, one span with several labels
 * becomes one result only when the control allows multiple labels, and without `allowOverlap="true"` a span that
 * overlaps an earlier kept one is dropped. Kept spans come sorted by scope and position.
 */
export function resolveSpans(spans: LabelledSpan[], control: ControlTag, scopeName: ScopeName = null): ResolvedSpans {
  const dropped: string[] = [];
  const merged = mergeSamePlace(spans, control, scopeName, dropped);
  const allowOverlap = readAttribute(control.attributes, 'allowOverlap') === 'true';
  const kept: ResolvedSpan[] = [];
  for (const span of merged) {
    const earlier = allowOverlap ? undefined : kept.find((other) => overlaps(other, span));
    if (earlier) {
      dropped.push(
        `${describeSpan(span, scopeName)} (${span.labels.join(', ')}) overlaps ${describeSpan(earlier, scopeName)} (${earlier.labels.join(', ')})`,
      );
    } else {
      kept.push(span);
    }
  }
  const order = spanLabels(control);
  for (const span of kept) span.labels.sort((left, right) => order.indexOf(left) - order.indexOf(right));
  kept.sort((left, right) => left.scope - right.scope || left.start - right.start || left.end - right.end);
  return { spans: kept, dropped };
}
