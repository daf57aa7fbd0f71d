import { injectable } from 'tsyringe';
import type { ControlParseResult } from '../spec/control-task';
import { extractJsonObject } from '../json/extract-json-object';
import type { ControlAnswer, ParsedResponse, PromptTarget, ResponseParser } from '../spec/stages';

export const JSON_RESPONSE_PARSER = 'json.v1';

type JsonObject = Record<string, unknown>;

/** The reader lives in `core/json/`; exported here too, where the parser's users have found it. */
export { extractJsonObject };

/** The object's own value for a control, matching the key exactly, then ignoring case. */
function findOwnValue(object: JsonObject, key: string): { found: true; value: unknown } | { found: false } {
  if (Object.hasOwn(object, key)) return { found: true, value: object[key] };
  const lowerKey = key.toLowerCase();
  const match = Object.keys(object).find((candidate) => candidate.toLowerCase() === lowerKey);
  return match === undefined ? { found: false } : { found: true, value: object[match] };
}

/** A value that says nothing: null or blank text. */
function isEmptyValue(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * An answer that says nothing (null, blank text, a list of nothing): the model declining, not breaking the format.
 * Looks one level deep only, so a crafted answer nested thousands of levels cannot overflow the stack.
 */
function isEmptyAnswer(raw: unknown): boolean {
  return isEmptyValue(raw) || (Array.isArray(raw) && raw.every(isEmptyValue));
}

function parseSafely(raw: unknown, target: PromptTarget): ControlAnswer {
  let result: ControlParseResult;
  try {
    result = target.task.parse(raw, target);
  } catch (error) {
    result = { status: 'abstained', reason: `task ${target.task.name} could not parse the answer: ${String(error)}` };
  }
  return result.status === 'abstained' && !isEmptyAnswer(raw) ? { ...result, invalid: true } : result;
}

function answerFromObject(object: JsonObject, target: PromptTarget): ControlAnswer {
  const entry = findOwnValue(object, target.control.name);
  if (!entry.found) return { status: 'abstained', reason: 'no answer for this control', invalid: true };
  return parseSafely(entry.value, target);
}

function answerFromText(text: string, target: PromptTarget, targetCount: number): ControlAnswer {
  if (targetCount !== 1) return { status: 'abstained', reason: 'answer is not JSON', invalid: true };
  return parseSafely(text, target);
}

/**
 * Reads one JSON object from what the model wrote (code fences and surrounding prose allowed) and hands each
 * control its key's value. When plain text was asked for, a single control also accepts a plain-text answer; when JSON
 * was asked for, an answer without JSON is reported unparseable. Never throws for model output.
 */
@injectable()
export class JsonResponseParser implements ResponseParser {
  readonly specificationVersion = 'v1' as const;

  parse(options: { text: string; targets: PromptTarget[]; format: 'json' | 'text' }): ParsedResponse {
    const { text, targets, format } = options;
    const object = extractJsonObject(text);
    const answers = new Map<string, ControlAnswer>();
    if (!object && format === 'json') {
      for (const target of targets) answers.set(target.control.name, { status: 'abstained', reason: 'answer is not JSON', invalid: true });
      return { answers, unparseable: 'the model was asked for JSON and its answer holds no JSON object' };
    }
    for (const target of targets) {
      const answer = object ? answerFromObject(object, target) : answerFromText(text, target, targets.length);
      answers.set(target.control.name, answer);
    }
    return { answers };
  }
}
