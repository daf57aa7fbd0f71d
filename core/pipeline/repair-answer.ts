import { describeError, PrelabelError, ResponseUnusableError, type ResponseUnusableReason } from '../errors';
import type { ChatMessage, LanguageModelResult } from '../spec/language-model';
import { usableText } from './language-model-result';
import type { RepairOutcome } from '../spec/pipeline-observer';
import type { ControlAnswer, ParsedResponse } from '../spec/stages';

/** What is wrong with one model answer, as far as a repair call can fix it. */
export interface AnswerReading {
  /** The answers per control; null when the answer as a whole could not be read (cut off, no JSON). */
  parsed: ParsedResponse | null;
  /** Set when the answer as a whole is unusable: why, and the message that says so. */
  whole: { reason: Extract<ResponseUnusableReason, 'truncated' | 'unparseable'>; message: string } | null;
  /** Controls whose answer broke the format or named a label the config lacks, with the reason. */
  invalid: Array<{ control: string; reason: string }>;
}

/** Reads answers with the project's response parser, once per answer object (the cache check and the pipeline share it). */
export class AnswerReader {
  private readonly readings = new WeakMap<LanguageModelResult, AnswerReading>();

  constructor(private readonly parse: (text: string, format: 'json' | 'text') => ParsedResponse) {}

  /**
   * What is wrong with an answer. A refusal or a filtered answer throws ResponseUnusableError: asking again with the
   * same task would not change it. A cut-off answer, one without JSON, or invalid controls can be repaired.
   */
  read(result: LanguageModelResult, format: 'json' | 'text'): AnswerReading {
    const known = this.readings.get(result);
    if (known) return known;
    const reading = this.readUncached(result, format);
    this.readings.set(result, reading);
    return reading;
  }

  /** Whether an answer is usable as it is: not refused, cut off, filtered, unreadable or invalid. Only those are cached. */
  isSound(result: LanguageModelResult, format: 'json' | 'text'): boolean {
    try {
      const reading = this.read(result, format);
      return reading.whole === null && reading.invalid.length === 0;
    } catch {
      return false;
    }
  }

  private readUncached(result: LanguageModelResult, format: 'json' | 'text'): AnswerReading {
    if (result.finishReason.unified === 'length' && !result.refusal) {
      const message = 'the answer was cut off at the output token limit (finish reason "length")';
      return { parsed: null, whole: { reason: 'truncated', message }, invalid: [] };
    }
    const parsed = this.parse(usableText(result), format);
    if (parsed.unparseable) return { parsed: null, whole: { reason: 'unparseable', message: parsed.unparseable }, invalid: [] };
    return { parsed, whole: null, invalid: invalidControls(parsed.answers) };
  }
}

function invalidControls(answers: ReadonlyMap<string, ControlAnswer>): Array<{ control: string; reason: string }> {
  return [...answers].flatMap(([control, answer]) => (answer.status === 'abstained' && answer.invalid ? [{ control, reason: answer.reason }] : []));
}

/** The user message of a repair call: what was wrong, in the words of the validation, and what to do. */
export function describeProblems(reading: AnswerReading, format: 'json' | 'text'): string {
  const answerAgain = format === 'json' ? 'Answer again with JSON that matches the schema.' : 'Answer again in the format the instructions ask for.';
  if (reading.whole?.reason === 'truncated') {
    return `Your answer was cut off at the output token limit before it was complete. ${answerAgain} Keep it short enough to finish.`;
  }
  if (reading.whole) return `Your answer was invalid: ${reading.whole.message}. ${answerAgain}`;
  const problems = reading.invalid.map(({ control, reason }) => `control \`${control}\`: ${reason}`);
  const keep = 'Keep the answers of the other controls as they were.';
  return `Your answer was invalid: ${problems.join('; ')}. ${answerAgain}${problems.length < (reading.parsed?.answers.size ?? 0) ? ` ${keep}` : ''}`;
}

/** Where each control's final answer came from: for confidence, which is measured on the answer that holds it. */
export interface AnswerPart {
  result: LanguageModelResult;
  /** The answered controls whose final answer is this model answer's. */
  answers: Map<string, ControlAnswer>;
}

export interface RepairedAnswer {
  parsed: ParsedResponse;
  /** Every answer the model gave, the first one included: their usage is the task's. */
  results: LanguageModelResult[];
  /** The answers each model answer contributed. */
  parts: AnswerPart[];
  /** Repair calls made. */
  repairs: number;
}

export interface RepairOptions {
  /** The conversation that gave `first`. */
  messages: ChatMessage[];
  first: LanguageModelResult;
  format: 'json' | 'text';
  reader: AnswerReader;
  /** `repair.max_attempts`. */
  maxAttempts: number;
  /** One call to the model that gave `first` (through the pipeline's gate, retries and cache). */
  ask: (messages: ChatMessage[]) => Promise<LanguageModelResult>;
  /** Told after each repair call, e.g. to count it. */
  onRepair?: (report: { outcome: RepairOutcome; attempt: number; problems: string; error?: unknown }) => void;
}

function answeredOnly(answers: ReadonlyMap<string, ControlAnswer>): Map<string, ControlAnswer> {
  return new Map([...answers].filter(([, answer]) => answer.status === 'answered'));
}

function withNote(answer: ControlAnswer, note: string): ControlAnswer {
  return answer.status === 'abstained' ? { ...answer, reason: `${answer.reason} (${note})` } : answer;
}

/**
 * An answer made usable, as the `instructor` library does: while it is cut off, holds no JSON, or has invalid
 * controls, and repair calls are left, the conversation goes back to the model with its answer as an assistant message
 * and a user message naming the validation errors. The model answers in full again; controls that were valid before
 * keep their earlier answer (so a repair never changes what was already right) and only the failing ones take the new
 * one. When the repairs run out, an invalid control abstains with its reason, and an answer still unreadable as a
 * whole throws ResponseUnusableError, as it did without repairs.
 */
export async function repairAnswer(options: RepairOptions): Promise<RepairedAnswer> {
  const { format, reader } = options;
  const results = [options.first];
  const firstReading = reader.read(options.first, format);
  /** The answers so far, merged; null while no answer could be read as a whole. */
  let answers = firstReading.parsed ? new Map(firstReading.parsed.answers) : null;
  const parts: AnswerPart[] = answers ? [{ result: options.first, answers: answeredOnly(answers) }] : [];
  /** What the next repair call names: the last answer's whole-answer problem, or the controls still invalid. */
  let reading = firstReading;
  const conversation = [...options.messages];
  let last = options.first;
  let callError: unknown;
  let attempt = 0;
  while ((reading.whole || reading.invalid.length > 0) && attempt < options.maxAttempts) {
    attempt += 1;
    const problems = describeProblems(reading, format);
    // Some providers (Anthropic) refuse an empty message: an empty answer is said to be one.
    const answered = last.text.trim() === '' ? '(an empty answer)' : last.text;
    conversation.push({ role: 'assistant', content: answered }, { role: 'user', content: problems });
    let repaired: LanguageModelResult;
    try {
      repaired = await options.ask([...conversation]);
    } catch (error) {
      if (PrelabelError.isInstance(error) && error.code === 'ABORTED') throw error;
      callError = error;
      options.onRepair?.({ outcome: 'error', attempt, problems, error });
      break;
    }
    results.push(repaired);
    last = repaired;
    const next = reader.read(repaired, format);
    if (next.parsed) {
      const failing = answers ? new Set(reading.invalid.map(({ control }) => control)) : null;
      const taken = new Map([...next.parsed.answers].filter(([control]) => failing === null || failing.has(control)));
      answers = new Map([...(answers ?? []), ...taken]);
      parts.push({ result: repaired, answers: answeredOnly(taken) });
      reading = { parsed: { answers }, whole: null, invalid: invalidControls(answers) };
    } else {
      reading = next;
    }
    options.onRepair?.({ outcome: reading.whole || reading.invalid.length > 0 ? 'failed' : 'repaired', attempt, problems });
  }
  const note =
    callError === undefined
      ? `still invalid after ${attempt} repair call${attempt === 1 ? '' : 's'}`
      : `the repair call failed: ${describeError(callError).message}`;
  if (answers === null) {
    const whole = reading.whole as NonNullable<AnswerReading['whole']>;
    throw new ResponseUnusableError(whole.reason, attempt > 0 ? `${whole.message} (${note})` : whole.message, callError === undefined ? {} : { cause: callError });
  }
  const stillInvalid = new Set(invalidControls(answers).map(({ control }) => control));
  if (attempt > 0 && stillInvalid.size > 0) {
    answers = new Map([...answers].map(([control, answer]) => [control, stillInvalid.has(control) ? withNote(answer, note) : answer]));
  }
  return { parsed: { answers }, results, parts, repairs: attempt };
}
