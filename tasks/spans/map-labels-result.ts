import type { ResultDraft } from '../../core/spec/control-task';
import type { PredictionTarget } from '../../core/spec/label-config';
import type { TaskData } from '../../core/spec/label-studio';
import { locateMentions } from './locate-mentions';
import type { MappingReport } from './mapping-report';
import { isSpanAnswer } from './parse-labels-answer';
import { resolveSpans } from './resolve-spans';
import { ownProperty } from '../../core/shared/own-property';

export const NOT_A_SPAN_ANSWER = 'the answer is not a list of mentions';

/** The text a span control marks: the task data field its one object shows, or why there is none. */
export function readObjectText(target: PredictionTarget, data: TaskData): string | { problem: string } {
  const field = target.objects[0]?.dataField;
  if (!field) return { problem: 'the control shows no task data field' };
  const text = ownProperty(data, field);
  return typeof text === 'string' ? text : { problem: `task data field "${field}" is not text` };
}

/**
 * Parsed mentions → `labels` results on the text, located by quote and context (offsets in code points), resolved
 * against the control (overlaps, several labels), with the reason for every mention left out.
 */
export function reportLabelsMapping(value: unknown, target: PredictionTarget, data: TaskData): MappingReport {
  if (!isSpanAnswer(value)) return { drafts: [], dropped: [NOT_A_SPAN_ANSWER] };
  const text = readObjectText(target, data);
  if (typeof text !== 'string') return { drafts: [], dropped: [text.problem] };
  const { located, notFound } = locateMentions(text, value.mentions);
  const resolved = resolveSpans(
    located.map(({ start, end, text: quote, mention }) => ({ scope: 0, start, end, text: quote, label: mention.label })),
    target.control,
  );
  const type = target.control.type.toLowerCase();
  const drafts: ResultDraft[] = resolved.spans.map(({ start, end, text: quote, labels }) => ({
    from_name: target.control.name,
    to_name: target.objects[0]?.name ?? '',
    type,
    value: { start, end, text: quote, [type]: labels },
  }));
  return { drafts, dropped: [...value.rejected, ...notFound.map(({ reason }) => reason), ...resolved.dropped] };
}

export function mapLabelsResult(value: unknown, target: PredictionTarget, data: TaskData): ResultDraft[] {
  return reportLabelsMapping(value, target, data).drafts;
}
