import type { LabelStudioResult, LabelStudioTask } from '../../core/spec/label-studio';

export type GroundTruth =
  | { status: 'annotated'; results: LabelStudioResult[] }
  | { status: 'without-annotations' }
  | { status: 'only-cancelled' };

interface ExportedAnnotation {
  result?: unknown;
  was_cancelled?: unknown;
  ground_truth?: unknown;
}

function isAnnotation(value: unknown): value is ExportedAnnotation {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResult(value: unknown): value is LabelStudioResult {
  return typeof value === 'object' && value !== null && typeof (value as { from_name?: unknown }).from_name === 'string';
}

/**
 * The human answer a task is judged against: its non-cancelled annotation marked `ground_truth`, else its first
 * non-cancelled annotation. Relations and other items without `from_name` are left out.
 */
export function selectGroundTruth(task: LabelStudioTask): GroundTruth {
  const annotations = Array.isArray(task.annotations) ? task.annotations.filter(isAnnotation) : [];
  if (annotations.length === 0) return { status: 'without-annotations' };
  const kept = annotations.filter((annotation) => annotation.was_cancelled !== true);
  const chosen = kept.find((annotation) => annotation.ground_truth === true) ?? kept[0];
  if (!chosen) return { status: 'only-cancelled' };
  const results = Array.isArray(chosen.result) ? chosen.result.filter(isResult) : [];
  return { status: 'annotated', results };
}
