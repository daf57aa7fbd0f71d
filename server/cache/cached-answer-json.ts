import type { CachedAnswer } from '../../core/spec/response-cache';
import { isRecord } from '../../core/shared/is-record';

function looksLikeCachedAnswer(value: unknown): value is CachedAnswer {
  return (
    isRecord(value) &&
    typeof value.text === 'string' &&
    isRecord(value.finishReason) &&
    typeof value.finishReason.unified === 'string' &&
    isRecord(value.usage)
  );
}

/** The text form both stores keep answers in. */
export const cachedAnswerJson = {
  /** Drops `warnings` even when a whole provider result is passed: they belong to the call that produced them. */
  stringify(answer: CachedAnswer): string {
    const { warnings: _warnings, ...kept } = answer as CachedAnswer & { warnings?: unknown };
    return JSON.stringify(kept);
  },

  /** `null` for text that is not an answer (corrupt, or written by something else), so it reads as a miss. */
  parse(text: string): CachedAnswer | null {
    try {
      const value: unknown = JSON.parse(text);
      return looksLikeCachedAnswer(value) ? value : null;
    } catch {
      return null;
    }
  },
};
