import { createHash } from 'node:crypto';
import type { LanguageModelResult } from '../spec/language-model';
import type { AnswerSource } from '../spec/language-model-middleware';
import type { CachedAnswer, ResponseCache } from '../spec/response-cache';

export type { AnswerSource };

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A cache key: the hash of everything that determines an answer (key order does not matter). */
export function createCacheKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/**
 * Never pays twice for the same answer: a cached answer is returned at once, identical calls in flight at the same
 * time make one provider call, and only answers that are usable are stored (errors never are).
 */
export class AnswerCache {
  private readonly inFlight = new Map<string, Promise<LanguageModelResult>>();

  constructor(readonly store: ResponseCache) {}

  async answer(
    key: string,
    call: () => Promise<LanguageModelResult>,
    isUsable: (result: LanguageModelResult) => boolean,
  ): Promise<{ result: LanguageModelResult; source: AnswerSource }> {
    const shared = this.inFlight.get(key);
    if (shared) return { result: await shared, source: 'shared' };
    // A cache that fails (disk full, a locked file) must never fail a prediction: treat it as a miss.
    const cached = await this.store.get(key).catch(() => null);
    if (cached) return { result: { ...cached, warnings: [] }, source: 'cache' };
    const sharedLater = this.inFlight.get(key);
    if (sharedLater) return { result: await sharedLater, source: 'shared' };

    const pending = call();
    this.inFlight.set(key, pending);
    try {
      const result = await pending;
      if (isUsable(result)) {
        const { warnings: _warnings, ...answer } = result;
        await this.store.set(key, answer satisfies CachedAnswer).catch(() => undefined);
      }
      return { result, source: 'provider' };
    } finally {
      this.inFlight.delete(key);
    }
  }
}
