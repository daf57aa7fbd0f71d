import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseCache } from '../../core/spec/response-cache';
import { createResponseCache } from './create-response-cache';
import { SAMPLE_ANSWERS } from '../../test/helpers/describe-response-cache-contract';
import { createRecordingLogger } from '../../test/helpers/recording-logger';

describe('createResponseCache', () => {
  let dataDirectory: string;
  const opened: ResponseCache[] = [];

  beforeEach(() => {
    dataDirectory = join(mkdtempSync(join(tmpdir(), 'prelabel-create-cache-')), 'data');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((cache) => cache.close()));
    rmSync(join(dataDirectory, '..'), { recursive: true, force: true });
  });

  function create(environment: NodeJS.ProcessEnv, logger = createRecordingLogger()): ResponseCache {
    const cache = createResponseCache({ environment, logger });
    opened.push(cache);
    return cache;
  }

  it('uses SQLite at PRELABEL_DATA_DIR/cache.sqlite by default', async () => {
    const cache = create({ PRELABEL_DATA_DIR: dataDirectory });
    expect(cache.kind).toBe('sqlite');
    await cache.set('key', SAMPLE_ANSWERS.unicode);
    expect(existsSync(join(dataDirectory, 'cache.sqlite'))).toBe(true);
    await cache.close();
    await expect(create({ PRELABEL_DATA_DIR: dataDirectory }).get('key')).resolves.toEqual(SAMPLE_ANSWERS.unicode);
  });

  it('uses Redis when REDIS_URL is set, without connecting before the first use or logging the password', async () => {
    const logger = createRecordingLogger();
    const cache = create({ REDIS_URL: 'redis://:hunter2-secret@127.0.0.1:1', PRELABEL_DATA_DIR: dataDirectory }, logger);
    expect(cache.kind).toBe('redis');
    expect(existsSync(dataDirectory)).toBe(false);
    await expect(cache.get('key')).resolves.toBeNull();
    expect(JSON.stringify(logger.entries)).not.toContain('hunter2-secret');
  });

  it.each(['off', 'OFF', ' off '])('turns caching off with PRELABEL_CACHE=%j, even with REDIS_URL set', async (value) => {
    const cache = create({ PRELABEL_CACHE: value, REDIS_URL: 'redis://127.0.0.1:1', PRELABEL_DATA_DIR: dataDirectory });
    expect(cache.kind).toBe('off');
    await cache.set('key', SAMPLE_ANSWERS.unicode);
    await expect(cache.get('key')).resolves.toBeNull();
    expect(existsSync(dataDirectory)).toBe(false);
  });

  it('accepts PRELABEL_CACHE=on and refuses values it does not know', () => {
    expect(create({ PRELABEL_CACHE: 'on', PRELABEL_DATA_DIR: dataDirectory }).kind).toBe('sqlite');
    expect(() => create({ PRELABEL_CACHE: 'false', PRELABEL_DATA_DIR: dataDirectory })).toThrow(/PRELABEL_CACHE must be "on" or "off"/);
  });
});
