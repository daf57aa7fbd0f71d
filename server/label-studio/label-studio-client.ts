import type { IncomingHttpHeaders } from 'node:http';
import { ERROR_CODES, markerOf, PrelabelError, RetryExhaustedError } from '../../core/errors';
import type { Logger } from '../../core/spec/logger';
import type { RetrySettings } from '../../core/spec/project-settings';
import { withRetry, type RetryHooks } from '../../core/model-calls/retry';
import { readRetryAfterMs } from '../../providers/shared/read-retry-after-ms';
import { readResponseBody, sendHttpRequest } from '../media/send-http-request';
import { LabelStudioCredentials } from './label-studio-credentials';

export interface LabelStudioClientOptions {
  /** LABEL_STUDIO_URL without its trailing slash; may carry a path prefix. */
  baseUrl: string;
  /** A legacy token or a Personal Access Token; undefined sends no Authorization header. */
  apiKey: string | undefined;
  /** Per request, the token exchange included. */
  timeoutMs: number;
  logger: Logger;
  /** Retries of 429, 502, 503 and 504 (rest API doc §6). Default: 3 retries from 1 s, at most 30 s apart. */
  retry?: RetrySettings;
  /** The retry layer's hooks (waits replaceable in tests). */
  retryHooks?: RetryHooks;
}

export interface LabelStudioResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `GET <origin><path>` and what the caller added, for messages; never the query (it may name tasks) or a token. */
  described: string;
}

export interface LabelStudioGetOptions {
  query?: Record<string, string>;
  signal: AbortSignal;
  /** The most bytes read from the body. */
  maxBytes: number;
  /** Appended to the request's description, e.g. `(project 2, page 3)`. */
  detail?: string;
}

export interface LabelStudioPage {
  page: number;
  items: unknown[];
  /** The `total` Label Studio reports for the listing, when it does. */
  total: number | undefined;
}

/** Label Studio's own answers worth another try (a proxy's or an Enterprise rate limit, a restart). */
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
const DEFAULT_RETRY: RetrySettings = { maxRetries: 3, initialDelayMs: 1000, maxDelayMs: 30_000 };

/** A Label Studio answer that may be retried; it carries the response, returned as such when retries run out. */
class LabelStudioRetryableStatus extends PrelabelError {
  static override readonly marker = markerOf('LabelStudioRetryableStatus');
  readonly retryAfterMs?: number;
  readonly response: LabelStudioResponse;
  constructor(response: LabelStudioResponse) {
    super(ERROR_CODES.LABEL_STUDIO_CALL_FAILED, `${response.described} answered ${response.status}`, { isRetryable: true });
    this.response = response;
    const retryAfter = response.headers['retry-after'];
    this.retryAfterMs = readRetryAfterMs(new Headers(typeof retryAfter === 'string' ? { 'retry-after': retryAfter } : {}));
  }
}

/**
 * The one Label Studio REST client of prelabel: the base URL, the credentials (a legacy `Token`, or a Personal
 * Access Token exchanged at `/api/token/refresh/` for a `Bearer` access token, renewed before it expires, fetched
 * again once when Label Studio refuses it), retries of 429/502/503/504 through `core/retry.ts` honouring
 * `retry-after`, and paging of the list endpoints. Redirects are not followed, so the key goes to Label Studio only.
 * Media downloads use its credentials; the learning loop pages through annotations with it.
 */
export class LabelStudioClient {
  readonly baseUrl: string;
  private readonly credentials: LabelStudioCredentials;
  private readonly retry: RetrySettings;
  private readonly retryHooks: RetryHooks;

  constructor(options: LabelStudioClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.credentials = new LabelStudioCredentials({ apiKey: options.apiKey, baseUrl: this.baseUrl, timeoutMs: options.timeoutMs, logger: options.logger });
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.retryHooks = options.retryHooks ?? {};
  }

  /** The tokens a log line or error message must never contain. */
  get secrets(): string[] {
    return this.credentials.secrets;
  }

  /**
   * The Authorization header for a request to Label Studio that the caller sends itself (media downloads, which
   * follow redirects by hand): `Token <key>`, or `Bearer <access>`; undefined without a key.
   */
  authorization(signal: AbortSignal): Promise<string | undefined> {
    return this.credentials.authorization(signal);
  }

  /** Drops the cached access token after Label Studio refused it; true when a new one can be fetched. */
  invalidate(): boolean {
    return this.credentials.invalidate();
  }

  /** Replaces every secret in a text (an error message, a log line) by `[redacted]`. */
  redact(text: string): string {
    return this.secrets.reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text);
  }

  /**
   * `GET <base><path>` with the credentials. Any status is returned (callers word their own errors); a 429, 502, 503
   * or 504 is retried first, and the last such answer is returned when retries run out.
   */
  async get(path: string, options: LabelStudioGetOptions): Promise<LabelStudioResponse> {
    const url = new URL(`${this.baseUrl}${path}`);
    if (options.query) url.search = new URLSearchParams(options.query).toString();
    const described = `GET ${url.origin}${url.pathname}${options.detail ? ` ${options.detail}` : ''}`;
    try {
      return await withRetry(
        async () => {
          const response = await this.send(url, described, options);
          if (RETRIED_STATUSES.has(response.status)) throw new LabelStudioRetryableStatus(response);
          return response;
        },
        this.retry,
        options.signal,
        this.retryHooks,
      );
    } catch (error) {
      const last = RetryExhaustedError.isInstance(error) ? error.lastError : error;
      if (LabelStudioRetryableStatus.isInstance(last)) return last.response;
      throw last;
    }
  }

  /**
   * The pages of a paginated list endpoint (`GET /api/tasks/?project=…`: `page`, `page_size`, a `tasks` list and a
   * `total`), from page 1 until a short page, the total, a 404 past page 1 (rest API doc §4.3) or `maxPages`.
   * `readPage` turns a page's answer into its items (and throws for a status it does not accept).
   */
  async *pages(
    path: string,
    options: Omit<LabelStudioGetOptions, 'detail' | 'query'> & {
      pageSize: number;
      maxPages: number;
      /** The query of a page; default the `page` and `page_size` parameters alone. */
      query?: (page: number) => Record<string, string>;
      describe?: (page: number) => string;
      readPage: (response: LabelStudioResponse) => { items: unknown[]; total: number | undefined };
    },
  ): AsyncGenerator<LabelStudioPage> {
    for (let page = 1; page <= options.maxPages; page += 1) {
      const response = await this.get(path, {
        signal: options.signal,
        maxBytes: options.maxBytes,
        query: options.query?.(page) ?? { page: String(page), page_size: String(options.pageSize) },
        detail: options.describe?.(page) ?? `(page ${page})`,
      });
      if (response.status === 404 && page > 1) return;
      const { items, total } = options.readPage(response);
      yield { page, items, total };
      if (items.length < options.pageSize || (total !== undefined && page * options.pageSize >= total)) return;
    }
  }

  /** One request; a refused access token (401/403) is fetched again once and the request sent again. */
  private async send(url: URL, described: string, options: LabelStudioGetOptions): Promise<LabelStudioResponse> {
    for (let attempt = 1; ; attempt += 1) {
      const authorization = await this.authorization(options.signal);
      const response = await sendHttpRequest({
        method: 'GET',
        url,
        headers: { accept: 'application/json', 'user-agent': 'prelabel', ...(authorization && { authorization }) },
        signal: options.signal,
        guardResolvedAddresses: false,
      });
      const status = response.statusCode ?? 0;
      if ((status === 401 || status === 403) && attempt === 1 && this.invalidate()) {
        response.resume();
        continue;
      }
      const body = await readResponseBody(response, options.maxBytes, `the answer to ${described}`);
      return { status, headers: response.headers, body, described };
    }
  }
}
