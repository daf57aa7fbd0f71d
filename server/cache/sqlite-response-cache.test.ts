import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteResponseCache } from './sqlite-response-cache';
import { describeResponseCacheContract, SAMPLE_ANSWERS } from '../../test/helpers/describe-response-cache-contract';

const directory = mkdtempSync(join(tmpdir(), 'prelabel-sqlite-cache-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeResponseCacheContract('SqliteResponseCache', async () => new SqliteResponseCache({ file: join(directory, 'contract', 'cache.sqlite') }));

describe('SqliteResponseCache', () => {
  it('creates the folders of its file and keeps the file in WAL mode', async () => {
    const file = join(directory, 'nested', 'deeper', 'cache.sqlite');
    const cache = new SqliteResponseCache({ file });
    expect(cache.kind).toBe('sqlite');
    await cache.set('key', SAMPLE_ANSWERS.unicode);
    await cache.close();
    expect(existsSync(file)).toBe(true);
    const database = new Database(file, { readonly: true });
    try {
      expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(database.prepare('SELECT key, json_valid(value) AS valid, created_at FROM response_cache').all()).toEqual([
        { key: 'key', valid: 1, created_at: expect.any(Number) },
      ]);
    } finally {
      database.close();
    }
  });

  it('works in memory, forgetting everything when closed', async () => {
    const cache = new SqliteResponseCache({ file: ':memory:' });
    await cache.set('key', SAMPLE_ANSWERS.nullUsage);
    await expect(cache.get('key')).resolves.toEqual(SAMPLE_ANSWERS.nullUsage);
    await cache.close();
    const fresh = new SqliteResponseCache({ file: ':memory:' });
    await expect(fresh.get('key')).resolves.toBeNull();
    await fresh.close();
  });

  it('reads a row that is not an answer as a miss', async () => {
    const file = join(directory, 'foreign', 'cache.sqlite');
    await new SqliteResponseCache({ file }).close();
    const database = new Database(file);
    database.prepare('INSERT INTO response_cache (key, value, created_at) VALUES (?, ?, ?)').run('foreign', '{"other":1}', 0);
    database.close();
    const cache = new SqliteResponseCache({ file });
    await expect(cache.get('foreign')).resolves.toBeNull();
    await cache.close();
  });
});
