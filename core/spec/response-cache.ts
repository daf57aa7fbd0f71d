import type { LanguageModelResult } from './language-model';

/** A provider answer as the cache keeps it: everything but the per-call warnings. */
export type CachedAnswer = Omit<LanguageModelResult, 'warnings'>;

/**
 * A response cache shared by every project of a process (SQLite, embedded) or by several processes (Redis).
 * Keys are hashes of everything that determines an answer; only successful answers are stored.
 */
export interface ResponseCache {
  readonly kind: string;
  get(key: string): Promise<CachedAnswer | null>;
  set(key: string, answer: CachedAnswer): Promise<void>;
  close(): Promise<void>;
}
