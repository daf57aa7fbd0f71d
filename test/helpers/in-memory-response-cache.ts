import type { CachedAnswer, ResponseCache } from '../../core/spec/response-cache';

/** A response cache held in a Map: the core tier's stand-in for SQLite and Redis. */
export class InMemoryResponseCache implements ResponseCache {
  readonly kind = 'memory';
  readonly entries = new Map<string, CachedAnswer>();
  async get(key: string): Promise<CachedAnswer | null> {
    return this.entries.get(key) ?? null;
  }
  async set(key: string, answer: CachedAnswer): Promise<void> {
    this.entries.set(key, answer);
  }
  async close(): Promise<void> {}
}
