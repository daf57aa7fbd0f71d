import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CachedAnswer, ResponseCache } from '../../core/response-cache';
import { cachedAnswerJson } from './cached-answer-json';

export interface SqliteResponseCacheOptions {
  /** The database file (its folder is created), or `:memory:`. */
  file: string;
}

const IN_MEMORY = ':memory:';

/**
 * The embedded cache: one SQLite file in WAL mode, so several processes on one machine can share it.
 * better-sqlite3 is synchronous; lookups are single-row primary-key reads, fast enough not to need a worker.
 */
export class SqliteResponseCache implements ResponseCache {
  readonly kind = 'sqlite';
  readonly #database: Database.Database;
  readonly #selectValue: Database.Statement<[string], { value: string }>;
  readonly #upsertValue: Database.Statement<[string, string, number]>;

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
  }

  async get(key: string): Promise<CachedAnswer | null> {
    if (!this.#database.open) return null;
    const row = this.#selectValue.get(key);
    return row === undefined ? null : cachedAnswerJson.parse(row.value);
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    if (!this.#database.open) return;
    this.#upsertValue.run(key, cachedAnswerJson.stringify(answer), Date.now());
  }

  async close(): Promise<void> {
    if (this.#database.open) this.#database.close();
  }
}
