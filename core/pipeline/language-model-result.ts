import { ResponseUnusableError } from '../errors';
import type { LanguageModelResult, LanguageModelUsage } from '../spec/language-model';

/** Token usage of several calls added up; unknown when any call's is unknown. */
export function addUsage(total: LanguageModelUsage | null, usage: LanguageModelUsage): LanguageModelUsage {
  if (!total) return { ...usage };
  const add = (left: number | null, right: number | null) => (left === null || right === null ? null : left + right);
  return { inputTokens: add(total.inputTokens, usage.inputTokens), outputTokens: add(total.outputTokens, usage.outputTokens) };
}

/** The answer text, or a ResponseUnusableError when the answer was refused, cut off or filtered. */
export function usableText(result: LanguageModelResult): string {
  if (result.refusal) throw new ResponseUnusableError('refused', `the model refused: ${result.refusal}`);
  if (result.finishReason.unified === 'length') {
    throw new ResponseUnusableError('truncated', 'the answer was cut off at the output token limit (finish reason "length")');
  }
  if (result.finishReason.unified === 'content-filter') {
    throw new ResponseUnusableError('content-filter', 'the provider withheld the answer (content filter)');
  }
  return result.text;
}


/** Whether an answer can be used (and so cached): not refused, not cut off, not filtered. */
export function isUsableAnswer(result: LanguageModelResult): boolean {
  return !result.refusal && result.finishReason.unified !== 'length' && result.finishReason.unified !== 'content-filter';
}
