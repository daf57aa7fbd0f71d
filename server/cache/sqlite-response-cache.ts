import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CachedAnswer, ResponseCache } from '../../core/spec/response-cache';
import { cachedAnswerJson } from './cached-answer-json';

export interface SqliteResponseCacheOptions {
  /** The database file (its folder is created), or `:memory:`. */
  file: string;
}

const IN_MEMORY = ':memory:';

/**
 * The embedded cache: one SQLite file in WAL mode, so several processes on one machine can share it.
 * better-sqlite3 is synchronous; lookups are single-row primary-key reads, fast enough not to need a worker.
 * Writes are gathered and committed together once per event-loop turn (one transaction instead of one per answer):
 * `set` resolves when its write is committed; lookups in this process see it at once; `close` commits what is left.
 */
export class SqliteResponseCache implements ResponseCache {
  readonly kind = 'sqlite';
  readonly #database: Database.Database;
  readonly #selectValue: Database.Statement<[string], { value: string }>;
  readonly #upsertValue: Database.Statement<[string, string, number]>;
  readonly #pending = new Map<string, { value: string; createdAt: number }>();
  readonly #commitPending: () => void;
  /** The commit every `set` of this event-loop turn waits for. */
  #scheduledCommit: Promise<void> | null = null;

  constructor(options: SqliteResponseCacheOptions) {
    if (options.file !== IN_MEMORY) mkdirSync(dirname(options.file), { recursive: true });
    this.#database = new Database(options.file);
    this.#database.pragma('journal_mode = WAL');
    this.#database.pragma('synchronous = NORMAL');
    this.#database.exec(`
      CREATE TABLE IF NOT EXISTS response_cache (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        created_at INTEGER NOT NULL -- Unix time in milliseconds
      ) WITHOUT ROWID
    `);
    this.#selectValue = this.#database.prepare('SELECT value FROM response_cache WHERE key = ?');
    this.#upsertValue = this.#database.prepare(`
      INSERT INTO response_cache (key, value, created_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at
    `);
    this.#commitPending = this.#database.transaction(() => {
      for (const [key, { value, createdAt }] of this.#pending) this.#upsertValue.run(key, value, createdAt);
      this.#pending.clear();
    });
  }

  #flush(): void {
    this.#scheduledCommit = null;
    if (this.#pending.size > 0 && this.#database.open) this.#commitPending();
  }

  async get(key: string): Promise<CachedAnswer | null> {
    if (!this.#database.open) return null;
    const value = this.#pending.get(key)?.value ?? this.#selectValue.get(key)?.value;
    return value === undefined ? null : cachedAnswerJson.parse(value);
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    if (!this.#database.open) return;
    this.#pending.set(key, { value: cachedAnswerJson.stringify(answer), createdAt: Date.now() });
    this.#scheduledCommit ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        try {
          this.#flush();
          resolve();
        } catch (error) {
          reject(error);
        }
      }),
    );
    return this.#scheduledCommit;
  }

  async close(): Promise<void> {
    if (!this.#database.open) return;
    this.#flush();
    this.#database.close();
  }
}
