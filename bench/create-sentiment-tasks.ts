import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepositoryRoot } from './find-repository-root';

export interface LabelStudioTaskShape {
  id: number;
  data: { text: string };
  [field: string]: unknown;
}

export interface SentimentProject {
  /** Label Studio's `project` field, e.g. `3.1718035482`. */
  project: string;
  labelConfig: string;
  /** The Choice values, in config order. */
  labels: string[];
  /** A task as Label Studio sends it (every field of the fixture), to copy. */
  taskTemplate: Record<string, unknown>;
}

const TASK_NUMBER_PATTERN = /Review (\d+):/;

const OPENINGS = ['I bought this', 'We tried the', 'My partner ordered the', 'Our team evaluated the', 'Last week I returned the'];
const SUBJECTS = ['espresso machine', 'hiking boots', 'noise-cancelling headphones', 'standing desk', 'budget phone', 'wool sweater', 'e-reader'];
const VERDICTS = [
  'and it works exactly as described, setup took five minutes.',
  'but support never answered my two emails about the broken hinge.',
  'and it is fine: nothing special, nothing wrong, does the job.',
  'and the battery lasts far longer than the reviews promised.',
  'but it arrived scratched and the replacement took three weeks.',
];

/** Label Studio's request shapes, from test/fixtures/label-studio/predict-request.json (a Choices sentiment config). */
export function readSentimentProject(): SentimentProject {
  const file = path.join(findRepositoryRoot(), 'test', 'fixtures', 'label-studio', 'predict-request.json');
  const request = JSON.parse(readFileSync(file, 'utf8')) as { tasks: Array<Record<string, unknown>>; project: string; label_config: string };
  const labels = [...request.label_config.matchAll(/<Choice value="([^"]*)"/g)].map((match) => match[1] as string);
  const taskTemplate = request.tasks[0];
  if (labels.length === 0 || taskTemplate === undefined) throw new Error(`${file}: no Choice values or no task`);
  return { project: request.project, labelConfig: request.label_config, labels, taskTemplate };
}

/** The number a task text starts with ("Review 17: ..."), which the fake model reads to pick its label. */
export function readTaskNumber(text: string): number | undefined {
  const match = TASK_NUMBER_PATTERN.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The label the fake model answers for a task number: the enum rotated by the number, i.e. labels[n mod count]. */
export function expectedLabel(labels: string[], taskNumber: number): string {
  return labels[taskNumber % labels.length] as string;
}

/**
 * `count` Label Studio tasks with distinct texts (so none is answered from the cache by accident), numbered from
 * `firstNumber`: the number is the task id and appears in the text.
 */
export function createSentimentTasks(project: SentimentProject, count: number, firstNumber: number): LabelStudioTaskShape[] {
  return Array.from({ length: count }, (_, index) => {
    const number = firstNumber + index;
    const text = `Review ${number}: ${OPENINGS[number % OPENINGS.length]} ${SUBJECTS[number % SUBJECTS.length]} ${VERDICTS[number % VERDICTS.length]}`;
    return { ...project.taskTemplate, id: number, inner_id: number, data: { text } };
  });
}
