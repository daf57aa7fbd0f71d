import type { TaskData } from '../spec/label-studio';
import type { ChunkingSettings } from '../spec/project-settings';
import { splitIntoChunks } from './split-into-chunks';
import type { ControlAnswer, ParsedResponse, PromptTarget } from '../spec/stages';
import { ownProperty } from '../shared/own-property';

/** One LLM call for a task: the data it sees, and where its chunk of the chunked field starts (code points). */
export interface PlannedCall {
  data: TaskData;
  offset: number;
  /** The field split into chunks, or null for the usual single call. */
  chunkedField: string | null;
}

/**
 * One call per task, unless a span control's text is longer than `chunking.maxCharacters`: then one call per
 * overlapping chunk of that text (the longest such field), each seeing the chunk in place of the whole text.
 */
export function planCalls(data: TaskData, targets: PromptTarget[], chunking: ChunkingSettings): PlannedCall[] {
  let chunkedField: string | null = null;
  let longest = chunking.maxCharacters;
  for (const target of targets) {
    const field = target.task.chunking?.field(target);
    const text = field ? ownProperty(data, field) : undefined;
    if (field && typeof text === 'string' && [...text].length > longest) {
      chunkedField = field;
      longest = [...text].length;
    }
  }
  if (chunkedField === null) return [{ data, offset: 0, chunkedField: null }];
  const field = chunkedField;
  return splitIntoChunks(ownProperty(data, field) as string, chunking.maxCharacters, chunking.overlapCharacters).map((chunk) => ({
    data: { ...data, [field]: chunk.text },
    offset: chunk.offset,
    chunkedField: field,
  }));
}

/**
 * Combines the answers of a task's calls: span controls on the chunked field merge every chunk's mentions (the task
 * locates them in the whole text); every other control keeps the first call's answer.
 */
export function mergeCallAnswers(parsed: ParsedResponse[], calls: PlannedCall[], targets: PromptTarget[]): ParsedResponse {
  const first = parsed[0] as ParsedResponse;
  const chunkedField = calls[0]?.chunkedField ?? null;
  if (parsed.length === 1 || chunkedField === null) return first;
  const answers = new Map<string, ControlAnswer>();
  for (const target of targets) {
    const name = target.control.name;
    const chunking = target.task.chunking;
    const firstAnswer = first.answers.get(name) ?? { status: 'abstained', reason: 'no answer for this control' };
    if (!chunking || chunking.field(target) !== chunkedField) {
      answers.set(name, firstAnswer);
      continue;
    }
    const answered = parsed.flatMap((response, index) => {
      const answer = response.answers.get(name);
      return answer?.status === 'answered' ? [{ value: answer.value, offset: calls[index]?.offset ?? 0 }] : [];
    });
    answers.set(name, answered.length > 0 ? { status: 'answered', value: chunking.merge(answered, target) } : firstAnswer);
  }
  return { answers };
}
