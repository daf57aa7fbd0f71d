import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { AbortedError, describeError, PrelabelError, ProjectConfigError, TaskDataError } from '../../core/errors';
import { silentLogger, type Logger } from '../../core/spec/logger';
import { classifyAddress, isMetadataHostName, stripBrackets } from './classify-address';
import { decodeDataUrl, type InlineImage } from './decode-data-url';
import { HostAllowList, normalizeHostName } from './host-allow-list';
import { LabelStudioClient } from '../label-studio/label-studio-client';
import { MediaLoadError } from './media-load-error';
import { MediaRefusedError } from './media-refused-error';
import { essenceOf, isDeclaredNonImage, resolveImageType } from './resolve-image-type';
import { readResponseBody, sendHttpRequest } from './send-http-request';
import { errorMessageOf } from '../../core/shared/error-message-of';

export interface LabelStudioMediaLoaderOptions {
  /** Default: LABEL_STUDIO_URL, else LABEL_STUDIO_HOST. May carry a path prefix (`https://host/label-studio`). */
  labelStudioUrl?: string;
  /** A legacy token or a Personal Access Token. Default: LABEL_STUDIO_API_KEY, else LABEL_STUDIO_ACCESS_TOKEN. */
  apiKey?: string;
  /** Hosts besides Label Studio that images may be downloaded from: `img.example.com`, `*.example.com`, `10.0.0.5:9000`. */
  allowedHosts?: readonly string[];
  /** Hand public https URLs to the provider instead of downloading them. Default false. */
  passPublicUrls?: boolean;
  /** Default 10 MB. */
  maxBytes?: number;
  /** For the whole download, redirects included. Default 10 s. */
  timeoutMs?: number;
  logger?: Logger;
  /** Where the defaults are read from. Default `process.env`. */
  environment?: NodeJS.ProcessEnv;
}

export interface MediaLoadRequest {
  /** A value from `task.data`: an http(s) URL, a Label Studio path, an s3/gs/azure-blob URI or a data: URL. */
  url: string;
  /** Needed for cloud storage URIs, which Label Studio presigns per task. */
  taskId?: number | string;
  signal?: AbortSignal;
}

export type LoadedMedia = InlineImage | { url: string };

export const DEFAULT_MEDIA_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MEDIA_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CLOUD_STORAGE_URI = /^(s3|gs|azure-blob):\/\//i;
const NON_PUBLIC_NAME_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa'];
const MAX_DESCRIBED_LENGTH = 200;

interface Target {
  url: URL;
  /** `absolute`: an http(s) URL as written in the task, the only kind that may be passed to the provider. */
  kind: 'label-studio' | 'cloud-storage' | 'absolute';
}

interface DownloadSignals {
  combined: AbortSignal;
  caller: AbortSignal | undefined;
  deadline: AbortSignal;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/**
 * Whether a host is on a private network by how it is written: a loopback or private IP address, or a name that is no
 * public DNS name (`localhost`, a name without a dot such as a Docker Compose service, `.local`, `.internal`, ...).
 */
export function isPrivateNetworkHost(hostname: string): boolean {
  const name = normalizeHostName(hostname);
  if (isIP(stripBrackets(name)) !== 0) return classifyAddress(name) !== 'public';
  return name === 'localhost' || !name.includes('.') || NON_PUBLIC_NAME_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/**
 * Where a redirect from Label Studio (a presigned cloud storage URL) may lead, the rule MinIO users rely on:
 * - to any public host;
 * - to a private or loopback address only when Label Studio itself is on a private network (`labelStudioIsPrivate`,
 *   see `isPrivateNetworkHost` for LABEL_STUDIO_URL): a self-hosted Label Studio and its MinIO share one network;
 * - a Label Studio at a public address never sends prelabel into a private network, unless the host is listed in
 *   `media.allowed_hosts` (checked before this rule);
 * - link-local and metadata addresses never (checked before this rule).
 * `public-only` asks the connection to refuse a name that resolves to a private address as well.
 */
export function labelStudioRedirectRule(target: URL, labelStudioIsPrivate: boolean): 'allowed' | 'public-only' | 'refused' {
  if (labelStudioIsPrivate) return 'allowed';
  return isPrivateNetworkHost(target.hostname) ? 'refused' : 'public-only';
}

/**
 * Loads the image a task points at (protocol doc §9), for inline sending to a vision model.
 *
 * Downloads only from the Label Studio origin, from `allowedHosts`, and from wherever Label Studio itself redirects
 * (presigned cloud storage URLs), by the rule of `labelStudioRedirectRule`. The API key goes to the Label Studio
 * origin only: redirects are followed by hand and every hop to another origin is made without it.
 */
export class LabelStudioMediaLoader {
  private readonly labelStudioBase: string | undefined;
  private readonly labelStudioOrigin: string | undefined;
  /** LABEL_STUDIO_URL names a host on a private network: its redirects may lead to private addresses (MinIO). */
  private readonly labelStudioIsPrivate: boolean;
  private readonly configurationProblem: string | undefined;
  /** Label Studio's credentials: the key, or the access token a Personal Access Token is exchanged for. */
  private readonly labelStudio: LabelStudioClient;
  private readonly allowList: HostAllowList;
  private readonly passPublicUrls: boolean;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly logger: Logger;

  /** Throws a `ProjectConfigError` for an `allowedHosts` entry that is not a host, or a non-positive limit. */
  constructor(options: LabelStudioMediaLoaderOptions = {}) {
    const environment = options.environment ?? process.env;
    this.allowList = new HostAllowList(options.allowedHosts ?? []);
    this.passPublicUrls = options.passPublicUrls ?? false;
    this.maxBytes = options.maxBytes ?? DEFAULT_MEDIA_MAX_BYTES;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_MEDIA_TIMEOUT_MS;
    const limitProblems = [
      ...(Number.isFinite(this.maxBytes) && this.maxBytes > 0 ? [] : ['maxBytes must be a positive number']),
      ...(Number.isFinite(this.timeoutMs) && this.timeoutMs > 0 ? [] : ['timeoutMs must be a positive number']),
    ];
    if (limitProblems.length > 0) throw new ProjectConfigError(limitProblems);
    this.logger = (options.logger ?? silentLogger).child({ component: 'label-studio-media-loader' });

    const labelStudioUrl =
      nonEmpty(options.labelStudioUrl) ?? nonEmpty(environment.LABEL_STUDIO_URL) ?? nonEmpty(environment.LABEL_STUDIO_HOST);
    const parsed = labelStudioUrl && URL.canParse(labelStudioUrl) ? new URL(labelStudioUrl) : undefined;
    this.labelStudioIsPrivate = parsed !== undefined && isPrivateNetworkHost(parsed.hostname);
    if (!labelStudioUrl) {
      this.configurationProblem = 'LABEL_STUDIO_URL is not set';
    } else if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) {
      this.configurationProblem = 'LABEL_STUDIO_URL must be an http(s) URL without credentials';
    } else {
      this.labelStudioOrigin = parsed.origin;
      this.labelStudioBase = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
    }

    this.labelStudio = new LabelStudioClient({
      apiKey: nonEmpty(options.apiKey) ?? nonEmpty(environment.LABEL_STUDIO_API_KEY) ?? nonEmpty(environment.LABEL_STUDIO_ACCESS_TOKEN),
      baseUrl: this.labelStudioBase ?? '',
      timeoutMs: this.timeoutMs,
      logger: this.logger,
    });
  }

  /**
   * The image as base64 with its media type, or `{ url }` for a public https URL when `passPublicUrls` is on.
   * Throws `MediaRefusedError` (REQUEST_INVALID) for a URL it will not fetch, `MediaLoadError` or `TaskDataError`
   * (TASK_DATA_INVALID) when loading fails, `AbortedError` when `signal` aborts.
   */
  async load(request: MediaLoadRequest): Promise<LoadedMedia> {
    if (request.signal?.aborted) throw new AbortedError('the image download was aborted');
    const source = typeof request.url === 'string' ? request.url.trim() : '';
    if (/^data:/i.test(source)) return decodeDataUrl(source, this.maxBytes);

    const target = this.resolve(source, request.taskId);
    if (target.kind === 'absolute' && this.passPublicUrls && this.isPublicHttpsUrl(target.url)) return { url: target.url.href };

    const deadline = AbortSignal.timeout(this.timeoutMs);
    const signals: DownloadSignals = {
      combined: request.signal ? AbortSignal.any([request.signal, deadline]) : deadline,
      caller: request.signal,
      deadline,
    };
    const startedAt = Date.now();
    try {
      const image = await this.download(target.url, signals);
      this.logger.debug(
        { url: this.describe(target.url), mediaType: image.mediaType, bytes: Buffer.byteLength(image.data, 'base64'), durationMs: Date.now() - startedAt },
        'downloaded a task image',
      );
      return image;
    } catch (error) {
      this.logger.warn({ url: this.describe(target.url), error: describeError(error) }, 'could not download a task image');
      throw error;
    }
  }

  private resolve(source: string, taskId: number | string | undefined): Target {
    const cloudScheme = CLOUD_STORAGE_URI.exec(source)?.[1]?.toLowerCase();
    if (cloudScheme) {
      const task = taskId === undefined ? '' : String(taskId).trim();
      if (task === '') {
        throw new TaskDataError(`${cloudScheme}:// URIs are downloaded through Label Studio's presign endpoint, which needs the task id`);
      }
      const fileUri = Buffer.from(source, 'utf8').toString('base64url');
      const path = `/tasks/${encodeURIComponent(task)}/presign/?fileuri=${fileUri}`;
      return { url: this.labelStudioUrl(path, `${cloudScheme}:// URIs`), kind: 'cloud-storage' };
    }
    const pathOnly = source.split('?', 1)[0] ?? '';
    if (/^\/?upload\//.test(source)) {
      return { url: this.labelStudioUrl(`/data/${source.replace(/^\//, '')}`, pathOnly), kind: 'label-studio' };
    }
    if (source.startsWith('/') && !source.startsWith('//')) {
      return { url: this.labelStudioUrl(source, pathOnly), kind: 'label-studio' };
    }
    const scheme = this.labelStudioOrigin ? new URL(this.labelStudioOrigin).protocol : 'https:';
    const absolute = source.startsWith('//') ? `${scheme}${source}` : source;
    if (/^[a-z][a-z0-9+.-]*:/i.test(absolute) && URL.canParse(absolute)) return { url: new URL(absolute), kind: 'absolute' };
    throw new TaskDataError(
      source === '' ? 'the image URL is empty' : 'the image URL is neither an http(s) URL, a Label Studio path, a cloud storage URI nor a data: URL',
    );
  }

  private labelStudioUrl(path: string, what: string): URL {
    if (this.labelStudioBase === undefined || !URL.canParse(`${this.labelStudioBase}${path}`)) {
      throw new MediaLoadError('not-configured', `${this.configurationProblem ?? 'LABEL_STUDIO_URL is not usable'}: prelabel needs it to download ${what}`);
    }
    return new URL(`${this.labelStudioBase}${path}`);
  }

  private isLabelStudio(url: URL): boolean {
    return this.labelStudioOrigin !== undefined && url.origin === this.labelStudioOrigin;
  }

  private isPublicHttpsUrl(url: URL): boolean {
    if (url.protocol !== 'https:' || url.username || url.password || this.isLabelStudio(url)) return false;
    const hostname = normalizeHostName(url.hostname);
    if (isIP(stripBrackets(hostname)) !== 0) return classifyAddress(hostname) === 'public';
    return (
      hostname.includes('.') &&
      !isMetadataHostName(hostname) &&
      !NON_PUBLIC_NAME_SUFFIXES.some((suffix) => hostname.endsWith(suffix))
    );
  }

  /**
   * Throws `MediaRefusedError` unless prelabel may download `url`; a hop Label Studio redirected to follows
   * `labelStudioRedirectRule`. Says whether the connection must refuse names resolving to private addresses.
   */
  private assertAllowed(url: URL, redirectedByLabelStudio: boolean): { refusePrivateAddresses: boolean } {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new MediaRefusedError(
        url.protocol,
        `refused to download a ${url.protocol} URL: only http(s) URLs, Label Studio paths, s3://, gs://, azure-blob:// URIs and data: URLs are supported`,
      );
    }
    const host = url.host;
    if (url.username || url.password) {
      throw new MediaRefusedError(host, `refused to download from ${host}: the URL carries a user name or password`);
    }
    const anyAddress = { refusePrivateAddresses: false };
    if (this.isLabelStudio(url)) return anyAddress;
    if (classifyAddress(url.hostname) === 'forbidden' || isMetadataHostName(url.hostname)) {
      throw new MediaRefusedError(host, `refused to download from ${host}: it is a link-local, metadata or otherwise reserved address`);
    }
    if (this.allowList.allows(url)) return anyAddress;
    if (redirectedByLabelStudio) {
      const rule = labelStudioRedirectRule(url, this.labelStudioIsPrivate);
      if (rule !== 'refused') return { refusePrivateAddresses: rule === 'public-only' };
      throw new MediaRefusedError(
        host,
        `refused to download ${this.describe(url)}: Label Studio redirected to ${host}, a private address, and Label Studio (LABEL_STUDIO_URL) is not on a private network; list ${host} in media.allowed_hosts to allow it`,
      );
    }
    throw new MediaRefusedError(
      host,
      `refused to download ${this.describe(url)}: ${host} is neither the Label Studio host (LABEL_STUDIO_URL) nor in allowedHosts`,
    );
  }

  private async download(initialUrl: URL, signals: DownloadSignals): Promise<InlineImage> {
    let url = initialUrl;
    let redirects = 0;
    let redirectedByLabelStudio = false;
    let retriedWithNewToken = false;
    for (;;) {
      const { refusePrivateAddresses } = this.assertAllowed(url, redirectedByLabelStudio);
      const described = this.describe(url);
      const toLabelStudio = this.isLabelStudio(url);
      let response: IncomingMessage;
      try {
        const headers: Record<string, string> = { accept: 'image/*', 'accept-encoding': 'identity', 'user-agent': 'prelabel' };
        const authorization = toLabelStudio ? await this.labelStudio.authorization(signals.combined) : undefined;
        if (authorization) headers.authorization = authorization;
        response = await sendHttpRequest({ method: 'GET', url, headers, signal: signals.combined, guardResolvedAddresses: !toLabelStudio, refusePrivateAddresses });
      } catch (error) {
        throw this.failure(error, described, signals);
      }
      const status = response.statusCode ?? 0;

      if (toLabelStudio && status === 401 && !retriedWithNewToken && this.labelStudio.invalidate()) {
        response.destroy();
        retriedWithNewToken = true;
        continue;
      }
      if (REDIRECT_STATUSES.has(status)) {
        response.destroy();
        const location = response.headers.location;
        if (!location || !URL.canParse(location, url.href)) {
          throw new MediaLoadError('http-status', `${described} answered ${status} without a usable Location header`, { statusCode: status });
        }
        if (redirects === MAX_REDIRECTS) {
          throw new MediaLoadError('too-many-redirects', `${described} redirected more than ${MAX_REDIRECTS} times`, { statusCode: status });
        }
        const next = new URL(location, url);
        if (toLabelStudio && this.isLabelStudio(next) && this.isLoginPage(next)) {
          throw new MediaLoadError('authentication', `Label Studio sent the download of ${described} to its login page: check LABEL_STUDIO_API_KEY`, {
            statusCode: status,
          });
        }
        redirectedByLabelStudio = toLabelStudio;
        url = next;
        redirects++;
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        if (toLabelStudio && (status === 401 || status === 403)) {
          throw new MediaLoadError('authentication', `Label Studio answered ${status} for ${described}: check LABEL_STUDIO_API_KEY`, { statusCode: status });
        }
        throw new MediaLoadError('http-status', `${described} answered ${status}`, { statusCode: status, isRetryable: isRetryableStatus(status) });
      }
      try {
        return await this.readImage(response, described);
      } catch (error) {
        throw this.failure(error, described, signals);
      }
    }
  }

  private isLoginPage(url: URL): boolean {
    const base = new URL(this.labelStudioBase ?? url.origin);
    return url.pathname.slice(base.pathname.replace(/\/+$/, '').length).startsWith('/user/login');
  }

  private async readImage(response: IncomingMessage, described: string): Promise<InlineImage> {
    const contentType = response.headers['content-type'];
    const contentEncoding = response.headers['content-encoding']?.trim().toLowerCase();
    if (contentEncoding && contentEncoding !== 'identity') {
      response.destroy();
      throw new MediaLoadError('not-an-image', `${described} was sent ${contentEncoding}-encoded although prelabel asked for identity`);
    }
    if (isDeclaredNonImage(contentType)) {
      response.destroy();
      throw new MediaLoadError('not-an-image', `${described} is ${essenceOf(contentType)}, not an image`);
    }
    const declaredLength = Number(response.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > this.maxBytes) {
      response.destroy();
      throw new MediaLoadError('too-large', `${described} is ${declaredLength} bytes, more than the ${this.maxBytes}-byte limit`);
    }
    const body = await readResponseBody(response, this.maxBytes, described);
    return { mediaType: resolveImageType(contentType, body, described), data: body.toString('base64') };
  }

  private failure(error: unknown, described: string, signals: DownloadSignals): PrelabelError {
    if (PrelabelError.isInstance(error)) return error;
    if (signals.caller?.aborted) return new AbortedError(`the download of ${described} was aborted`);
    if (signals.deadline.aborted) {
      return new MediaLoadError('timeout', `downloading ${described} took longer than ${this.timeoutMs} ms`, { isRetryable: true });
    }
    const reason = (error as NodeJS.ErrnoException).code ?? errorMessageOf(error);
    return new MediaLoadError('network', `could not download ${described}: ${this.redact(reason)}`, { isRetryable: true });
  }

  /** Origin and path (plus `d` for local files), never the query string that may hold a signature. */
  private describe(url: URL): string {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `a ${url.protocol} URL`;
    const localFile = url.pathname.endsWith('/data/local-files/') ? url.searchParams.get('d') : null;
    const described = `${url.origin}${url.pathname}${localFile === null ? '' : `?d=${localFile}`}`;
    const shortened = described.length > MAX_DESCRIBED_LENGTH ? `${described.slice(0, MAX_DESCRIBED_LENGTH)}…` : described;
    return this.redact(shortened);
  }

  private redact(text: string): string {
    return this.labelStudio.redact(text);
  }
}
