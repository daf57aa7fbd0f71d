import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../core/spec/logger';
import { RedisResponseCache } from './redis-response-cache';
import { describeResponseCacheContract, SAMPLE_ANSWERS } from '../../test/helpers/describe-response-cache-contract';
import { createRecordingLogger, type LogEntry } from '../../test/helpers/recording-logger';
import { findFreePort, isRedisServerInstalled, startRedisServer, type RunningRedisServer } from '../../test/helpers/start-redis-server';

const isContinuousIntegration = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());
const hasRedisServer = isRedisServerInstalled();
const MISSING_REDIS_SERVER =
  'redis-server is not installed, so the RedisResponseCache tests against a real Redis cannot run. ' +
  'Install the Debian package: apt-get install -y redis-server';

if (!hasRedisServer && !isContinuousIntegration) {
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPED: ${MISSING_REDIS_SERVER}\n${'!'.repeat(100)}\n`);
}

const outages = (entries: LogEntry[]): LogEntry[] => entries.filter((entry) => entry.message.includes('unreachable'));
const recoveries = (entries: LogEntry[]): LogEntry[] => entries.filter((entry) => entry.message.includes('reachable again'));

async function eventually(check: () => Promise<boolean>, timeoutMilliseconds = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMilliseconds} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('RedisResponseCache without a server', () => {
  it('misses and skips without throwing when nothing listens, and logs that once without the password', async () => {
    const port = await findFreePort();
    const logger = createRecordingLogger();
    const cache = new RedisResponseCache({ url: `redis://prelabel:s3cret-pass@127.0.0.1:${port}`, logger });
    expect(cache.kind).toBe('redis');
    for (let call = 0; call < 5; call++) {
      await expect(cache.get('key')).resolves.toBeNull();
      await expect(cache.set('key', SAMPLE_ANSWERS.unicode)).resolves.toBeUndefined();
    }
    await Promise.all(Array.from({ length: 20 }, () => cache.get('key')));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cache.close();
    await cache.close();
    expect(outages(logger.entries)).toHaveLength(1);
    expect(outages(logger.entries)[0]?.fields).toMatchObject({ redisUrl: `redis://prelabel:redacted@127.0.0.1:${port}` });
    expect(JSON.stringify(logger.entries)).not.toContain('s3cret-pass');
  });

  it('closes without ever having connected', async () => {
    const cache = new RedisResponseCache({ url: 'redis://127.0.0.1:1', logger: silentLogger });
    await expect(cache.close()).resolves.toBeUndefined();
    await expect(cache.get('key')).resolves.toBeNull();
  });

  it('refuses a URL that is not a Redis URL, without echoing it', () => {
    expect(() => new RedisResponseCache({ url: 'not a url:pass', logger: silentLogger })).toThrow(/not a valid URL/);
    expect(() => new RedisResponseCache({ url: 'http://user:pass@host', logger: silentLogger })).toThrow(/redis:\/\//);
    expect(() => new RedisResponseCache({ url: 'http://user:pass@host', logger: silentLogger })).not.toThrow(/pass@/);
  });
});

if (!hasRedisServer && isContinuousIntegration) {
  describe('RedisResponseCache with a real redis-server', () => {
    it('needs redis-server installed on CI', () => {
      throw new Error(`${MISSING_REDIS_SERVER} (CI=true, so this is a failure, not a skip)`);
    });
  });
}

(hasRedisServer ? describe : describe.skip)('RedisResponseCache with a real redis-server', () => {
  let server: RunningRedisServer;
  const keyPrefix = `prelabel-test:${randomUUID()}:`;

  beforeAll(async () => {
    server = await startRedisServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  describeResponseCacheContract('RedisResponseCache', async () => new RedisResponseCache({ url: server.url, keyPrefix, logger: silentLogger }));

  it('keeps keys under its prefix', async () => {
    const first = new RedisResponseCache({ url: server.url, keyPrefix: 'first:', logger: silentLogger });
    const samePrefix = new RedisResponseCache({ url: server.url, keyPrefix: 'first:', logger: silentLogger });
    const defaultPrefix = new RedisResponseCache({ url: server.url, logger: silentLogger });
    try {
      await first.set('same-key', SAMPLE_ANSWERS.unicode);
      await expect(samePrefix.get('same-key')).resolves.toEqual(SAMPLE_ANSWERS.unicode);
      await expect(defaultPrefix.get('same-key')).resolves.toBeNull();
    } finally {
      await Promise.all([first.close(), samePrefix.close(), defaultPrefix.close()]);
    }
  });
});

(hasRedisServer ? describe : describe.skip)('RedisResponseCache through an outage', () => {
  const running: RunningRedisServer[] = [];
  const opened: RedisResponseCache[] = [];

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((cache) => cache.close()));
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });

  async function start(port?: number): Promise<RunningRedisServer> {
    const server = await startRedisServer({ port });
    running.push(server);
    return server;
  }

  it('misses while the server is down, logs each outage once, and recovers when it is back', async () => {
    const first = await start();
    const logger = createRecordingLogger();
    const cache = new RedisResponseCache({ url: first.url, logger });
    opened.push(cache);
    await cache.set('before', SAMPLE_ANSWERS.unicode);
    await expect(cache.get('before')).resolves.toEqual(SAMPLE_ANSWERS.unicode);

    await first.stop();
    for (let call = 0; call < 10; call++) {
      await expect(cache.get('before')).resolves.toBeNull();
      await expect(cache.set('during', SAMPLE_ANSWERS.nullUsage)).resolves.toBeUndefined();
    }
    expect(outages(logger.entries)).toHaveLength(1);

    await start(first.port);
    await eventually(async () => {
      await cache.set('after', SAMPLE_ANSWERS.refusal);
      return (await cache.get('after')) !== null;
    });
    expect(recoveries(logger.entries)).toHaveLength(1);

    await running[running.length - 1]?.stop();
    await expect(cache.get('after')).resolves.toBeNull();
    expect(outages(logger.entries)).toHaveLength(2);
  }, 30_000);

  it('treats a server that stops answering as down after the command timeout, then recovers', async () => {
    const server = await start();
    const logger = createRecordingLogger();
    const cache = new RedisResponseCache({ url: server.url, logger, commandTimeoutMilliseconds: 200 });
    opened.push(cache);
    await cache.set('key', SAMPLE_ANSWERS.unicode);

    server.freeze();
    const startedAt = Date.now();
    await expect(cache.get('key')).resolves.toBeNull();
    const misses = await Promise.all(Array.from({ length: 20 }, () => cache.get('key')));
    expect(misses.every((answer) => answer === null)).toBe(true);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(outages(logger.entries)).toHaveLength(1);

    server.thaw();
    await eventually(async () => (await cache.get('key')) !== null);
    await expect(cache.get('key')).resolves.toEqual(SAMPLE_ANSWERS.unicode);
    expect(recoveries(logger.entries)).toHaveLength(1);
  }, 30_000);
});
