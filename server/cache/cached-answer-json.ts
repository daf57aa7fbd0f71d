import type { CachedAnswer } from '../../core/response-cache';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeCachedAnswer(value: unknown): value is CachedAnswer {
  return (
    isObject(value) &&
    typeof value.text === 'string' &&
    isObject(value.finishReason) &&
    typeof value.finishReason.unified === 'string' &&
    isObject(value.usage)
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
