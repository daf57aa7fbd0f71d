import type { LabeledExample, LabeledRegion } from '../../core/spec/example-store';
import { isRecord } from '../../core/shared/is-record';

/** What one Label Studio annotation (webhook or API shape) means for the example store. */
export type AnnotationReading =
  | { kind: 'example'; example: LabeledExample }
  /** Cancelled ("skipped") or emptied: the annotation must not be, or no longer be, an example. */
  | { kind: 'withdrawn'; annotationId: number | string };

/** A Label Studio id: an integer, or a non-empty string. */
export function readId(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

function readRegion(region: unknown): LabeledRegion | undefined {
  if (!isRecord(region)) return undefined;
  const { from_name: fromName, to_name: toName, type, value } = region;
  if (typeof fromName !== 'string' || typeof toName !== 'string' || typeof type !== 'string' || !isRecord(value)) return undefined;
  return { from_name: fromName, to_name: toName, type, value };
}

function readTime(...candidates: unknown[]): number | undefined {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const time = Date.parse(candidate);
    if (Number.isFinite(time)) return time;
  }
  return undefined;
}

/**
 * An annotation and its task → an example; undefined when the annotation has no id, or when its task (id and
 * `data` object) is missing or is not the annotation's task. Regions without from_name, to_name, type and value
 * are left out.
 */
export function readLabeledExample(projectId: string, annotation: unknown, task: unknown, now: number): AnnotationReading | undefined {
  if (!isRecord(annotation)) return undefined;
  const annotationId = readId(annotation.id);
  if (annotationId === undefined) return undefined;
  const result = Array.isArray(annotation.result)
    ? annotation.result.map(readRegion).filter((region): region is LabeledRegion => region !== undefined)
    : [];
  if (annotation.was_cancelled === true || result.length === 0) return { kind: 'withdrawn', annotationId };

  if (!isRecord(task) || !isRecord(task.data)) return undefined;
  const taskId = readId(task.id) ?? readId(annotation.task);
  if (taskId === undefined) return undefined;
  const annotationTaskId = readId(annotation.task);
  if (annotationTaskId !== undefined && String(annotationTaskId) !== String(taskId)) return undefined;

  const updatedAt = readTime(annotation.updated_at, annotation.created_at) ?? now;
  return { kind: 'example', example: { projectId, annotationId, taskId, data: task.data, result, updatedAt } };
}
