import MiniSearch from 'minisearch';
import type { LabeledExample } from '../../core/spec/example-store';
import { ownProperty } from '../../core/shared/own-property';

export type ExampleSelectionStrategy = 'recent' | 'balanced' | 'similar';

export interface SelectExamplesOptions {
  examples: readonly LabeledExample[];
  /** The task being predicted: its own annotations are never chosen. */
  task: { id: number | string | undefined; data: Record<string, unknown> };
  strategy: ExampleSelectionStrategy;
  count: number;
  /** The `data` fields whose text is shown (and, for `similar`, compared); empty means every string field. */
  textFields: readonly string[];
  /** The most characters of example text (the text fields of the chosen examples) in total. */
  maxCharacters: number;
}

interface Candidate {
  example: LabeledExample;
  text: string;
  /** Position in newest-first order. */
  recency: number;
}

/** The text of `data` that a prompt shows: the listed fields (or every string field, by name) joined by newlines. */
export function exampleText(data: Record<string, unknown>, textFields: readonly string[]): string {
  const fields = textFields.length > 0 ? textFields : Object.keys(data).filter((field) => typeof data[field] === 'string').sort();
  return fields
    .map((field) => ownProperty(data, field))
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map(String)
    .join('\n');
}

function newestFirst(left: LabeledExample, right: LabeledExample): number {
  if (left.updatedAt !== right.updatedAt) return right.updatedAt - left.updatedAt;
  const leftId = String(left.annotationId);
  const rightId = String(right.annotationId);
  return leftId < rightId ? -1 : leftId > rightId ? 1 : 0;
}

/** The examples that may be shown, newest first: none of the task's own, one (the newest) per task. */
function candidatesFor(options: SelectExamplesOptions): Candidate[] {
  const ownTaskId = options.task.id === undefined ? undefined : String(options.task.id);
  const seenTasks = new Set<string>();
  const candidates: Candidate[] = [];
  for (const example of [...options.examples].sort(newestFirst)) {
    const taskId = String(example.taskId);
    if (taskId === ownTaskId || seenTasks.has(taskId)) continue;
    seenTasks.add(taskId);
    candidates.push({ example, text: exampleText(example.data, options.textFields), recency: candidates.length });
  }
  return candidates;
}

/** The label values of an example's regions (`choices`, `labels`, `rectanglelabels`, …), as `from_name:value`. */
export function exampleLabels(example: LabeledExample): string[] {
  const labels = new Set<string>();
  for (const region of example.result) {
    for (const value of Object.values(region.value)) {
      if (!Array.isArray(value)) continue;
      for (const label of value) if (typeof label === 'string') labels.add(`${region.from_name}:${label}`);
    }
  }
  return [...labels].sort();
}

/** Round-robin over labels (in name order), newest first within a label; examples without labels come last. */
function balancedOrder(candidates: Candidate[]): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  const unlabeled: Candidate[] = [];
  for (const candidate of candidates) {
    const labels = exampleLabels(candidate.example);
    if (labels.length === 0) unlabeled.push(candidate);
    for (const label of labels) {
      const group = groups.get(label) ?? [];
      group.push(candidate);
      groups.set(label, group);
    }
  }
  const queues = [...groups.keys()].sort().map((label) => groups.get(label) as Candidate[]);
  const ordered: Candidate[] = [];
  const taken = new Set<Candidate>();
  for (let round = 0; queues.some((queue) => queue.length > 0); round += 1) {
    for (const queue of queues) {
      let next = queue.shift();
      while (next !== undefined && taken.has(next)) next = queue.shift();
      if (next === undefined) continue;
      taken.add(next);
      ordered.push(next);
    }
  }
  return [...ordered, ...unlabeled];
}

/** BM25+ (MiniSearch) relevance to the task's text, most relevant first; ties and non-matching examples by recency. */
function similarOrder(candidates: Candidate[], taskText: string): Candidate[] {
  if (taskText.trim() === '' || candidates.length === 0) return candidates;
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], idField: 'id' });
  index.addAll(candidates.map((candidate) => ({ id: candidate.recency, text: candidate.text })));
  const scores = new Map<number, number>();
  for (const hit of index.search(taskText, { combineWith: 'OR', prefix: false, fuzzy: false })) scores.set(hit.id as number, hit.score);
  return [...candidates].sort((left, right) => {
    const scoreDifference = (scores.get(right.recency) ?? 0) - (scores.get(left.recency) ?? 0);
    return scoreDifference !== 0 ? scoreDifference : left.recency - right.recency;
  });
}

/**
 * Few-shot examples for one task. Walks the strategy's order and keeps an example when its text still fits in
 * `maxCharacters` (one that does not is dropped, later shorter ones may still fit), up to `count`. Deterministic.
 */
export function selectExamples(options: SelectExamplesOptions): LabeledExample[] {
  if (options.count <= 0) return [];
  const candidates = candidatesFor(options);
  const ordered =
    options.strategy === 'balanced'
      ? balancedOrder(candidates)
      : options.strategy === 'similar'
        ? similarOrder(candidates, exampleText(options.task.data, options.textFields))
        : candidates;
  const chosen: LabeledExample[] = [];
  let characters = 0;
  for (const candidate of ordered) {
    if (chosen.length >= options.count) break;
    if (characters + candidate.text.length > options.maxCharacters) continue;
    characters += candidate.text.length;
    chosen.push(candidate.example);
  }
  return chosen;
}
