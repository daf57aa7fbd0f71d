import { PrelabelError } from '../../core/errors';
import type { Logger } from '../../core/spec/logger';
import { MediaLoadError } from '../media/media-load-error';
import { readResponseBody, sendHttpRequest } from '../media/send-http-request';
import { errorMessageOf } from '../../core/shared/error-message-of';

export interface LabelStudioCredentialsOptions {
  /** A legacy token, or a Personal Access Token (a JWT refresh token); undefined sends no Authorization header. */
  apiKey: string | undefined;
  /** LABEL_STUDIO_URL without its trailing slash. */
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
}

interface AccessToken {
  value: string;
  /** Epoch ms after which the token is fetched again. */
  renewAt: number;
}

/** An access token is renewed this long before it expires. */
const EXPIRY_MARGIN_MS = 30_000;
/** How long an access token without `exp` is used. */
const LIFETIME_WITHOUT_EXPIRY_MS = 60_000;
const MAX_REFRESH_RESPONSE_BYTES = 64 * 1024;
const REFRESH_PATH = '/api/token/refresh/';

function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part, index) => /^[A-Za-z0-9_-]+$/.test(part) || (index === 2 && part === ''))) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function renewalTime(payload: Record<string, unknown> | undefined, now: number): number {
  const expiresAt = typeof payload?.exp === 'number' ? payload.exp * 1000 : undefined;
  return expiresAt === undefined ? now + LIFETIME_WITHOUT_EXPIRY_MS : expiresAt - EXPIRY_MARGIN_MS;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The Authorization header for Label Studio (protocol doc §9): `Token <key>` for a legacy token; for a Personal
 * Access Token, `Bearer <access>` with the access token from `POST /api/token/refresh/`, shared by concurrent
 * downloads and cached until shortly before its `exp`.
 */
export class LabelStudioCredentials {
  private readonly apiKey: string | undefined;
  private readonly isRefreshToken: boolean;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private accessToken: AccessToken | undefined;
  private pendingRefresh: Promise<AccessToken> | undefined;

  constructor(options: LabelStudioCredentialsOptions) {
    this.apiKey = options.apiKey;
    const payload = options.apiKey ? decodeJwtPayload(options.apiKey) : undefined;
    this.isRefreshToken = payload !== undefined && payload.token_type !== 'access';
    if (payload !== undefined && !this.isRefreshToken) {
      this.accessToken = { value: options.apiKey as string, renewAt: Number.POSITIVE_INFINITY };
    }
    this.baseUrl = options.baseUrl;
    this.timeoutMs = options.timeoutMs;
    this.logger = options.logger;
  }

  /** The tokens a log line or error message must never contain. */
  get secrets(): string[] {
    return [this.apiKey, this.accessToken?.value].filter((secret): secret is string => Boolean(secret));
  }

  async authorization(signal: AbortSignal): Promise<string | undefined> {
    if (!this.apiKey) return undefined;
    if (!this.isRefreshToken) return this.accessToken ? `Bearer ${this.accessToken.value}` : `Token ${this.apiKey}`;
    const cached = this.accessToken;
    if (cached && Date.now() < cached.renewAt) return `Bearer ${cached.value}`;
    this.pendingRefresh ??= this.refresh().finally(() => {
      this.pendingRefresh = undefined;
    });
    const token = await untilAborted(this.pendingRefresh, signal);
    return `Bearer ${token.value}`;
  }

  /** Drops the cached access token after Label Studio refused it; true when a new one can be fetched. */
  invalidate(): boolean {
    if (!this.isRefreshToken) return false;
    this.accessToken = undefined;
    return true;
  }

  private async refresh(): Promise<AccessToken> {
    const url = new URL(`${this.baseUrl}${REFRESH_PATH}`);
    const described = `POST ${url.origin}${url.pathname}`;
    const deadline = AbortSignal.timeout(this.timeoutMs);
    let status: number;
    let body: Buffer;
    try {
      const response = await sendHttpRequest({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'prelabel' },
        body: JSON.stringify({ refresh: this.apiKey }),
        signal: deadline,
        guardResolvedAddresses: false,
      });
      status = response.statusCode ?? 0;
      body = await readResponseBody(response, MAX_REFRESH_RESPONSE_BYTES, `the answer to ${described}`);
    } catch (error) {
      if (PrelabelError.isInstance(error)) throw error;
      if (deadline.aborted) {
        throw new MediaLoadError('timeout', `${described} took longer than ${this.timeoutMs} ms`, { isRetryable: true });
      }
      const reason = (error as NodeJS.ErrnoException).code ?? errorMessageOf(error);
      throw new MediaLoadError('network', `${described} failed: ${reason}`, { isRetryable: true });
    }

    if (status === 401 || status === 403) {
      throw new MediaLoadError(
        'authentication',
        `Label Studio rejected the API key: ${described} answered ${status} (is LABEL_STUDIO_API_KEY a valid Personal Access Token?)`,
        { statusCode: status },
      );
    }
    if (status < 200 || status > 299) {
      throw new MediaLoadError('http-status', `${described} answered ${status}`, {
        statusCode: status,
        isRetryable: status >= 500 || status === 429 || status === 408,
      });
    }
    let access: unknown;
    try {
      access = (JSON.parse(body.toString('utf8')) as { access?: unknown }).access;
    } catch {
      access = undefined;
    }
    if (typeof access !== 'string' || access === '') {
      throw new MediaLoadError('authentication', `${described} answered without an access token`);
    }
    const token = { value: access, renewAt: renewalTime(decodeJwtPayload(access), Date.now()) };
    this.accessToken = token;
    this.logger.debug({ renewInMs: Math.max(0, token.renewAt - Date.now()) }, 'exchanged the Label Studio Personal Access Token for an access token');
    return token;
  }
}
