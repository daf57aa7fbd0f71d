import { randomBytes } from 'node:crypto';
import { injectable } from 'tsyringe';
import type { ResultDraft } from '../spec/control-task';
import type { TaskData } from '../spec/label-studio';
import type { MappedResults, ParsedResponse, PromptTarget, ResultMapper } from '../spec/stages';
import { isRecord } from '../shared/is-record';

export const LABEL_STUDIO_RESULT_MAPPER = 'label-studio.v1';

const RESULT_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const RESULT_ID_LENGTH = 10;

/** A random result id: 10 characters from `A-Za-z0-9_-` (64 symbols, so each random byte maps without bias). */
export function createResultId(): string {
  return [...randomBytes(RESULT_ID_LENGTH)].map((byte) => RESULT_ID_ALPHABET.charAt(byte & 63)).join('');
}

function createUniqueResultId(taken: Set<string>): string {
  let id = createResultId();
  while (taken.has(id)) id = createResultId();
  taken.add(id);
  return id;
}

function isMetaText(meta: unknown): meta is { text: string[] } {
  return isRecord(meta) && Object.keys(meta).length === 1 && Array.isArray(meta.text) && meta.text.every((line) => typeof line === 'string');
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : `a ${typeof value}`;
}

/** What every result must satisfy whatever its control: Label Studio's own envelope checks (protocol doc §7.3). */
export function findEnvelopeProblem(draft: unknown, target: PromptTarget): string | null {
  const { control, objects } = target;
  if (!isRecord(draft)) return 'the result is not an object';
  if (draft.from_name !== control.name) return `from_name is ${describe(draft.from_name)}, expected "${control.name}"`;
  const toName = draft.to_name;
  if (typeof toName !== 'string' || !control.toName.includes(toName)) {
    return `to_name ${describe(toName)} is not in the toName of "${control.name}"`;
  }
  if (!objects.some((object) => object.name === toName)) return `to_name "${toName}" is not an object of this control`;
  const expectedType = control.type.toLowerCase();
  if (draft.type !== expectedType) return `type is ${describe(draft.type)}, expected "${expectedType}"`;
  if (!isRecord(draft.value)) return 'value is not an object';
  if (draft.meta !== undefined && !isMetaText(draft.meta)) return 'meta is not { text: [strings] }';
  return null;
}

function findDraftProblem(draft: ResultDraft, target: PromptTarget, data: TaskData): string | null {
  try {
    return findEnvelopeProblem(draft, target) ?? target.task.validate(draft, target, data);
  } catch (error) {
    return `task ${target.task.name} could not validate the result: ${String(error)}`;
  }
}

function mapSafely(value: unknown, target: PromptTarget, data: TaskData): { drafts: ResultDraft[]; dropped: string[] } | string {
  try {
    const report = target.task.reportMapping
      ? target.task.reportMapping(value, target, data)
      : { drafts: target.task.map(value, target, data), dropped: [] };
    return Array.isArray(report.drafts) ? report : `task ${target.task.name} mapped the answer to something other than a list`;
  } catch (error) {
    return `task ${target.task.name} could not map the answer: ${String(error)}`;
  }
}

function mapAnswer(value: unknown, target: PromptTarget, data: TaskData, ids: Set<string>): MappedResults {
  const control = target.control.name;
  const report = mapSafely(value, target, data);
  if (typeof report === 'string') return { results: [], dropped: [{ control, reason: report }] };
  const { drafts } = report;
  const mapped: MappedResults = { results: [], dropped: report.dropped.map((reason) => ({ control, reason })) };
  for (const draft of drafts) {
    const reason = findDraftProblem(draft, target, data);
    if (reason !== null) {
      mapped.dropped.push({ control, reason });
      continue;
    }
    const { from_name, to_name, type, value: resultValue, meta } = draft;
    mapped.results.push({ id: createUniqueResultId(ids), from_name, to_name, type, value: resultValue, ...(meta && { meta: { text: [...meta.text] } }) });
  }
  return mapped;
}

/**
 * Turns each answered control into Label Studio results through its task, keeps those that pass the generic
 * envelope checks and the task's own validation, and gives each a unique id. Abstentions produce nothing.
 */
@injectable()
export class LabelStudioResultMapper implements ResultMapper {
  readonly specificationVersion = 'v1' as const;

  map(options: { parsed: ParsedResponse; targets: PromptTarget[]; data: TaskData }): MappedResults {
    const { parsed, targets, data } = options;
    const mapped: MappedResults = { results: [], dropped: [] };
    const ids = new Set<string>();
    for (const target of targets) {
      const answer = parsed.answers.get(target.control.name);
      if (answer?.status !== 'answered') continue;
      const { results, dropped } = mapAnswer(answer.value, target, data, ids);
      mapped.results.push(...results);
      mapped.dropped.push(...dropped);
    }
    return mapped;
  }
}
