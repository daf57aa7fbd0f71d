import type { ResultDraft } from '../../core/spec/control-task';
import type { ObjectTag, PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';
import { locateMentions } from '../spans/locate-mentions';
import { NOT_A_SPAN_ANSWER, readObjectText } from '../spans/map-labels-result';
import type { MappingReport } from '../spans/mapping-report';
import { isSpanAnswer } from '../spans/parse-labels-answer';
import { resolveSpans, type ResolvedSpan } from '../spans/resolve-spans';
import { readAttribute } from '../shared/read-attribute';
import { readHypertext, type HypertextPosition, type HypertextView } from './read-hypertext';

/** Label Studio's HyperText range: XPaths of the start and end text nodes and UTF-16 offsets in them. */
export interface HypertextRange {
  start: string;
  end: string;
  startOffset: number;
  endOffset: number;
  text: string;
}

/** Whether the editor shows the HTML inline in a `<div>` (`inline="true"`) rather than in an iframe. */
export function isInline(object: ObjectTag | undefined): boolean {
  return object !== undefined && readAttribute(object.attributes, 'inline') === 'true';
}

function findPosition(view: HypertextView, from: number, to: number, step: 1 | -1): { index: number; position: HypertextPosition } | null {
  for (let index = from; step === 1 ? index < to : index >= to; index += step) {
    const position = view.positions[index];
    if (position) return { index, position };
  }
  return null;
}

/** A span of the shown text (code points) → the HyperText range over the text nodes it starts and ends in. */
export function toHypertextRange(view: HypertextView, start: number, end: number): HypertextRange | null {
  const first = findPosition(view, start, end, 1);
  const last = findPosition(view, end - 1, start, -1);
  if (!first || !last) return null;
  const lastCharacter = view.characters[last.index] ?? '';
  return {
    start: view.nodes[first.position.node]?.xpath ?? '',
    end: view.nodes[last.position.node]?.xpath ?? '',
    startOffset: first.position.offset,
    endOffset: last.position.offset + lastCharacter.length,
    text: view.characters.slice(first.index, last.index + 1).join(''),
  };
}

function toDraft(range: HypertextRange, span: ResolvedSpan, target: PredictionTarget): ResultDraft {
  const type = target.control.type.toLowerCase();
  return {
    from_name: target.control.name,
    to_name: target.objects[0]?.name ?? '',
    type,
    value: { ...range, [type]: span.labels },
  };
}

/**
 * Parsed mentions → `hypertextlabels` (or `labels`) results on the HTML: mentions are found in the shown text, then
 * each span becomes XPaths of text nodes and UTF-16 offsets in them, as the editor writes them.
 */
export function reportHypertextLabelsMapping(value: unknown, target: PredictionTarget, data: TaskData): MappingReport {
  if (!isSpanAnswer(value)) return { drafts: [], dropped: [NOT_A_SPAN_ANSWER] };
  const source = readObjectText(target, data);
  if (typeof source !== 'string') return { drafts: [], dropped: [source.problem] };
  const view = readHypertext(source, isInline(target.objects[0]));
  const { located, notFound } = locateMentions(view.text, value.mentions);
  const resolved = resolveSpans(
    located.map(({ start, end, text, mention }) => ({ scope: 0, start, end, text, label: mention.label })),
    target.control,
  );
  const drafts: ResultDraft[] = [];
  const unplaced: string[] = [];
  for (const span of resolved.spans) {
    const range = toHypertextRange(view, span.start, span.end);
    if (range) drafts.push(toDraft(range, span, target));
    else unplaced.push(`${JSON.stringify(span.text)} is in no text node`);
  }
  return { drafts, dropped: [...value.rejected, ...notFound.map(({ reason }) => reason), ...resolved.dropped, ...unplaced] };
}

export function mapHypertextLabelsResult(value: unknown, target: PredictionTarget, data: TaskData): ResultDraft[] {
  return reportHypertextLabelsMapping(value, target, data).drafts;
}
