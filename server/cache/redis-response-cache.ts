import { createClient, ErrorReply } from 'redis';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/spec/logger';
import type { CachedAnswer, ResponseCache } from '../../core/spec/response-cache';
import { cachedAnswerJson } from './cached-answer-json';

export interface RedisResponseCacheOptions {
  /** `redis[s]://[[user][:password]@]host[:port][/database]`; the password never reaches the logs. */
  url: string;
  /** Prepended to every key; default `prelabel:cache:`. */
  keyPrefix?: string;
  logger: Logger;
  /** How long the first lookup waits for the first connection, and how long each connection attempt may take. */
  connectTimeoutMilliseconds?: number;
  /** How long one GET or SET may take before it counts as a miss (a hung server, a network partition). */
  commandTimeoutMilliseconds?: number;
}

export const DEFAULT_REDIS_KEY_PREFIX = 'prelabel:cache:';
const DEFAULT_CONNECT_TIMEOUT_MILLISECONDS = 2_000;
const DEFAULT_COMMAND_TIMEOUT_MILLISECONDS = 1_000;
const FIRST_RECONNECT_DELAY_MILLISECONDS = 100;
const LONGEST_RECONNECT_DELAY_MILLISECONDS = 5_000;

type RedisClient = ReturnType<typeof createClient>;

const UNAVAILABLE = Symbol('unavailable');

class RedisTimeoutError extends Error {
  constructor(milliseconds: number) {
    super(`no answer from Redis within ${milliseconds} ms`);
    this.name = 'RedisTimeoutError';
  }
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(milliseconds)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function safelyDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The URL as it may be logged, and the password to scrub from error messages. */
function inspectRedisUrl(url: string): { loggableUrl: string; password: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('REDIS_URL is not a valid URL (expected redis://[[user][:password]@]host[:port][/database])');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not ${parsed.protocol}//`);
  }
  const password = safelyDecode(parsed.password);
  if (parsed.password) parsed.password = 'redacted';
  return { loggableUrl: parsed.toString(), password };
}

/**
 * The cache shared by several processes. It connects on first use and reconnects on its own.
 * While Redis is unreachable every lookup is a miss and every store is skipped: a cache never fails a prediction.
 * Each outage is logged once when it starts and once when it ends.
 */
export class RedisResponseCache implements ResponseCache {
  readonly kind = 'redis';
  readonly #client: RedisClient;
  readonly #keyPrefix: string;
  readonly #logger: Logger;
  readonly #password: string;
  readonly #connectTimeoutMilliseconds: number;
  readonly #commandTimeoutMilliseconds: number;
  readonly #reportedReplyErrors = new Set<string>();
  #firstConnection: Promise<void> | undefined;
  #closing: Promise<void> | undefined;
  #isUnreachable = false;
  /** During an outage on a live connection (a hung server), one command at a time checks whether Redis is back. */
  #isProbing = false;

  constructor(options: RedisResponseCacheOptions) {
    const { loggableUrl, password } = inspectRedisUrl(options.url);
    this.#password = password;
    this.#keyPrefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
    this.#logger = options.logger.child({ component: 'redis-response-cache', redisUrl: loggableUrl });
    this.#connectTimeoutMilliseconds = options.connectTimeoutMilliseconds ?? DEFAULT_CONNECT_TIMEOUT_MILLISECONDS;
    this.#commandTimeoutMilliseconds = options.commandTimeoutMilliseconds ?? DEFAULT_COMMAND_TIMEOUT_MILLISECONDS;
    this.#client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: this.#connectTimeoutMilliseconds,
        reconnectStrategy: (retries) =>
          Math.min(FIRST_RECONNECT_DELAY_MILLISECONDS * 2 ** retries, LONGEST_RECONNECT_DELAY_MILLISECONDS),
      },
    });
    this.#client.on('error', (error: unknown) => this.#reportOutage(error));
    this.#client.on('ready', () => this.#reportRecovery());
  }

  async get(key: string): Promise<CachedAnswer | null> {
    const text = await this.#attempt((client) => client.get(this.#keyPrefix + key));
    if (text === UNAVAILABLE || text === null) return null;
    const answer = cachedAnswerJson.parse(text);
    if (answer === null) this.#logger.warn({ key }, 'cached value is not an answer; treating it as a miss');
    return answer;
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    await this.#attempt((client) => client.set(this.#keyPrefix + key, cachedAnswerJson.stringify(answer)));
  }

  close(): Promise<void> {
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  /** Runs one command; `UNAVAILABLE` when Redis cannot answer now, never an exception. */
  async #attempt<T>(command: (client: RedisClient) => Promise<T>): Promise<T | typeof UNAVAILABLE> {
    const client = await this.#readyClient();
    if (client === null) return UNAVAILABLE;
    const isProbe = this.#isUnreachable;
    if (isProbe) {
      if (this.#isProbing) return UNAVAILABLE;
      this.#isProbing = true;
    }
    try {
      const value = await withTimeout(command(client), this.#commandTimeoutMilliseconds);
      this.#reportRecovery();
      return value;
    } catch (error) {
      if (error instanceof ErrorReply) this.#reportReplyError(error);
      else this.#reportOutage(error);
      return UNAVAILABLE;
    } finally {
      if (isProbe) this.#isProbing = false;
    }
  }

  /** The client when it can take commands now; the very first call waits for the first connection attempt. */
  async #readyClient(): Promise<RedisClient | null> {
    if (this.#closing !== undefined) return null;
    this.#firstConnection ??= this.#connect();
    if (!this.#client.isReady) {
      await withTimeout(this.#firstConnection, this.#connectTimeoutMilliseconds).catch(() => undefined);
    }
    return this.#client.isReady && this.#closing === undefined ? this.#client : null;
  }

  /** Settles once the first attempt has succeeded or failed; after a failure the client keeps reconnecting. */
  #connect(): Promise<void> {
    return new Promise((resolve) => {
      const settle = (): void => {
        this.#client.off('ready', settle);
        this.#client.off('error', settle);
        resolve();
      };
      this.#client.on('ready', settle);
      this.#client.on('error', settle);
      this.#client.connect().catch((error: unknown) => {
        this.#reportOutage(error);
        settle();
      });
    });
  }

  async #shutDown(): Promise<void> {
    if (this.#client.isReady) {
      try {
        await withTimeout(this.#client.close(), this.#commandTimeoutMilliseconds);
        return;
      } catch {
        // Redis did not acknowledge in time: drop the connection instead
      }
    }
    if (this.#client.isOpen) this.#client.destroy();
  }

  #reportOutage(error: unknown): void {
    if (this.#closing !== undefined || this.#isUnreachable) return;
    this.#isUnreachable = true;
    this.#logger.warn(
      { error: this.#scrub(describeError(error)) },
      'redis response cache unreachable; every lookup is a miss until it is back',
    );
  }

  #reportRecovery(): void {
    if (!this.#isUnreachable) return;
    this.#isUnreachable = false;
    this.#logger.info({}, 'redis response cache reachable again');
  }

  /** Redis answered with an error (out of memory, a key of another type): not an outage, reported once per message. */
  #reportReplyError(error: ErrorReply): void {
    if (this.#reportedReplyErrors.has(error.message)) return;
    this.#reportedReplyErrors.add(error.message);
    this.#logger.warn({ error: this.#scrub(describeError(error)) }, 'redis refused a response cache command; skipping it');
  }

  #scrub(description: { code?: string; message: string }): { code?: string; message: string } {
    if (this.#password === '') return description;
    return { ...description, message: description.message.split(this.#password).join('[redacted]') };
  }
}
