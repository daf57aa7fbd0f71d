import type { LabeledExample } from '../../core/spec/example-store';
import { parseProjectId } from '../label-studio-requests';
import { isRecord } from '../../core/shared/is-record';
import { readId, readLabeledExample } from './read-labeled-example';

export const EXAMPLE_WEBHOOK_ACTIONS = ['ANNOTATION_CREATED', 'ANNOTATION_UPDATED', 'ANNOTATIONS_CREATED', 'ANNOTATIONS_DELETED'] as const;
export type ExampleWebhookAction = (typeof EXAMPLE_WEBHOOK_ACTIONS)[number];

/** What a webhook means for the example store: apply `deletions` (ExampleStore.remove) and `upserts` (ExampleStore.upsert). */
export interface WebhookExamples {
  action: ExampleWebhookAction;
  projectId: string;
  upserts: LabeledExample[];
  /** Deleted, cancelled or emptied annotations. */
  deletions: Array<number | string>;
}

function isExampleAction(action: unknown): action is ExampleWebhookAction {
  return typeof action === 'string' && (EXAMPLE_WEBHOOK_ACTIONS as readonly string[]).includes(action);
}

function firstAnnotation(annotation: unknown): unknown {
  return Array.isArray(annotation) ? annotation[0] : annotation;
}

function readWebhookProjectId(body: Record<string, unknown>): string | null {
  const annotation = firstAnnotation(body.annotation);
  const candidates = [
    isRecord(body.project) ? body.project.id : body.project,
    isRecord(annotation) ? annotation.project : undefined,
    isRecord(body.task) ? body.task.project : undefined,
  ];
  for (const candidate of candidates) {
    const projectId = parseProjectId(candidate);
    if (projectId !== null) return projectId;
  }
  return null;
}

/**
 * A Label Studio webhook body (protocol doc §4.6, §10.7) → the example changes it carries; null for other actions,
 * bodies that are not objects, and bodies without a project id. Never throws.
 */
export function readWebhookExamples(body: unknown, now: number = Date.now()): WebhookExamples | null {
  if (!isRecord(body) || !isExampleAction(body.action)) return null;
  const action = body.action;
  const projectId = readWebhookProjectId(body);
  if (projectId === null) return null;
  const upserts: LabeledExample[] = [];
  const deletions: Array<number | string> = [];

  if (action === 'ANNOTATIONS_DELETED') {
    const annotations = Array.isArray(body.annotations) ? body.annotations : [];
    for (const annotation of annotations) {
      const annotationId = readId(isRecord(annotation) ? annotation.id : annotation);
      if (annotationId !== undefined) deletions.push(annotationId);
    }
    return { action, projectId, upserts, deletions };
  }

  const pairs: Array<[unknown, unknown]> = [];
  if (Array.isArray(body.annotation)) {
    const tasksById = new Map<string, unknown>();
    for (const task of Array.isArray(body.task) ? body.task : [body.task]) {
      const taskId = isRecord(task) ? readId(task.id) : undefined;
      if (taskId !== undefined) tasksById.set(String(taskId), task);
    }
    for (const annotation of body.annotation) {
      const taskId = isRecord(annotation) ? readId(annotation.task) : undefined;
      pairs.push([annotation, taskId === undefined ? undefined : tasksById.get(String(taskId))]);
    }
  } else {
    pairs.push([body.annotation, body.task]);
  }

  for (const [annotation, task] of pairs) {
    const reading = readLabeledExample(projectId, annotation, task, now);
    if (reading?.kind === 'example') upserts.push(reading.example);
    else if (reading?.kind === 'withdrawn') deletions.push(reading.annotationId);
  }
  return { action, projectId, upserts, deletions };
}
