import type { LabelStudioResult } from '../spec/label-studio';
import type { Span } from './compute-span-metrics';
import { ownProperty } from '../shared/own-property';

/** The document order of a HyperText text node, by the XPath Label Studio writes for it. */
export type XpathOrder = (xpath: string) => number | undefined;

type Position = { start: number[]; end: number[] } | null;

function optionalNumber(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * Where a span result sits: a code point range on a Text (`start`, `end`); paragraph and offset on Paragraphs
 * (`start`, `startOffset` … `end`, `endOffset`); text node and offset on HyperText, the nodes found by XPath.
 */
function positionOf(value: Record<string, unknown>, xpathOrder?: XpathOrder): Position {
  const { start, end } = value;
  const startOffset = optionalNumber(value.startOffset);
  const endOffset = optionalNumber(value.endOffset);
  if (typeof start === 'number' && typeof end === 'number') {
    return startOffset === null || endOffset === null ? { start: [start], end: [end] } : { start: [start, startOffset], end: [end, endOffset] };
  }
  if (typeof start !== 'string' || typeof end !== 'string' || startOffset === null || endOffset === null) return null;
  const startNode = xpathOrder?.(start);
  const endNode = xpathOrder?.(end);
  return startNode === undefined || endNode === undefined ? null : { start: [startNode, startOffset], end: [endNode, endOffset] };
}

function labelsOf(result: LabelStudioResult): string[] {
  const labels = ownProperty(result.value, result.type) ?? ownProperty(result.value, 'labels');
  return Array.isArray(labels) ? labels.filter((label): label is string => typeof label === 'string') : [];
}

/** The spans of span results (`labels`, `hypertextlabels`, `paragraphlabels`), one per label of each result. */
export function readSpans(results: LabelStudioResult[], xpathOrder?: XpathOrder): Span[] {
  return results.flatMap((result) => {
    const { start, end, startOffset, endOffset } = result.value;
    const key = JSON.stringify([start ?? null, startOffset ?? null, end ?? null, endOffset ?? null]);
    const position = positionOf(result.value, xpathOrder);
    return labelsOf(result).map((label) => ({ label, key, start: position?.start ?? null, end: position?.end ?? null }));
  });
}
