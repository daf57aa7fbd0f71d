import { join } from 'node:path';
import type { Logger } from '../../core/spec/logger';
import type { ResponseCache } from '../../core/spec/response-cache';
import { DisabledResponseCache } from './disabled-response-cache';
import { SqliteResponseCache } from './sqlite-response-cache';

export const DEFAULT_DATA_DIRECTORY = '.prelabel-data';
export const SQLITE_CACHE_FILE_NAME = 'cache.sqlite';

/**
 * The process-wide response cache, chosen by the environment:
 * `PRELABEL_CACHE=off` → none; `REDIS_URL` → Redis; otherwise SQLite in `PRELABEL_DATA_DIR` (default `.prelabel-data`).
 */
export function createResponseCache(options: { environment: NodeJS.ProcessEnv; logger: Logger }): ResponseCache {
  const { environment, logger } = options;
  const switchValue = (environment.PRELABEL_CACHE ?? '').trim().toLowerCase();
  if (switchValue !== '' && switchValue !== 'on' && switchValue !== 'off') {
    throw new Error(`PRELABEL_CACHE must be "on" or "off", not "${environment.PRELABEL_CACHE}"`);
  }
  if (switchValue === 'off') {
    logger.info({ cache: 'off' }, 'response cache disabled (PRELABEL_CACHE=off)');
    return new DisabledResponseCache();
  }
  const redisUrl = environment.REDIS_URL?.trim();
  if (redisUrl) {
    // Loaded only when used: the Redis client costs start-up time and memory.
    const { RedisResponseCache } = require('./redis-response-cache') as typeof import('./redis-response-cache');
    const cache = new RedisResponseCache({ url: redisUrl, logger });
    logger.info({ cache: cache.kind }, 'response cache in Redis (REDIS_URL)');
    return cache;
  }
  const file = join(environment.PRELABEL_DATA_DIR || DEFAULT_DATA_DIRECTORY, SQLITE_CACHE_FILE_NAME);
  const cache = new SqliteResponseCache({ file });
  logger.info({ cache: cache.kind, file }, 'response cache in SQLite');
  return cache;
}
