import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../core/spec/logger';

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type FakeRouteHandler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

export interface FakeHost {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>` */
  host: string;
  requests: RecordedRequest[];
  /** Routes match the path without its query; a string matches exactly. Later routes win. */
  route(path: string | RegExp, handler: FakeRouteHandler): void;
  reset(): void;
  close(): Promise<void>;
}

/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake jpeg body')]);
export const GIF_BYTES = Buffer.from('GIF89a fake gif body');
export const WEBP_BYTES = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 fake webp body')]);

export function serve(response: ServerResponse, bytes: Buffer, contentType: string | undefined, status = 200): void {
  response.writeHead(status, { ...(contentType !== undefined && { 'content-type': contentType }), 'content-length': bytes.length });
  response.end(bytes);
}

export function redirect(response: ServerResponse, location: string, status = 302): void {
  response.writeHead(status, { location, 'content-length': 0 });
  response.end();
}

/** A local HTTP server on 127.0.0.1 that records every request and answers from registered routes (else 404). */
export async function startFakeHost(): Promise<FakeHost> {
  const routes: Array<{ path: string | RegExp; handler: FakeRouteHandler }> = [];
  const requests: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
      const pathname = new URL(request.url ?? '/', 'http://fake').pathname;
      const route = [...routes].reverse().find(({ path }) => (typeof path === 'string' ? path === pathname : path.test(pathname)));
      if (route) route.handler(request, response, body);
      else serve(response, Buffer.from('{"detail":"Not found."}'), 'application/json', 404);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    route(path, handler) {
      routes.push({ path, handler });
    },
    reset() {
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function createJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.${Buffer.from('fake-signature').toString('base64url')}`;
}

export const LEGACY_TOKEN = '1f4e1b0c7d2a4f9a8e3c5b6d7a8f9e0d1c2b3a4f';
export const PERSONAL_ACCESS_TOKEN = createJwt({ token_type: 'refresh', exp: Math.floor(Date.now() / 1000) + 365 * 86_400, jti: 'pat-1' });

export interface FakeLabelStudio extends FakeHost {
  /** Access tokens issued by `/api/token/refresh/`, in order. */
  issuedAccessTokens: string[];
  /** Lifetime of the access tokens issued from now on. Default 300 s. */
  accessTokenLifetimeSeconds: number;
  /** Make Label Studio refuse every access token issued so far. */
  revokeAccessTokens(): void;
  /** Accept this JWT access token as if it had been issued. */
  acceptAccessToken(token: string): void;
  refreshRequests(): RecordedRequest[];
}

/**
 * A fake Label Studio: every path but `/api/token/refresh/` needs `Token <LEGACY_TOKEN>` or `Bearer <issued access>`.
 * Serves `/data/upload/3/x.png`, `/data/local-files/?d=images/cat.jpg` and `/tasks/{id}/presign/?fileuri=` (redirecting
 * to `storageUrl` + the bucket path, with a fake signature in the query). A leading `/ls` is ignored (path prefix).
 */
export async function startFakeLabelStudio(storageUrl: string): Promise<FakeLabelStudio> {
  const host = await startFakeHost();
  const validAccessTokens = new Set<string>();
  let counter = 0;
  const labelStudio: FakeLabelStudio = {
    ...host,
    issuedAccessTokens: [],
    accessTokenLifetimeSeconds: 300,
    revokeAccessTokens() {
      validAccessTokens.clear();
    },
    acceptAccessToken(token) {
      validAccessTokens.add(token);
    },
    refreshRequests() {
      return host.requests.filter((request) => request.path.replace(/^\/ls/, '') === '/api/token/refresh/');
    },
    reset() {
      host.reset();
      labelStudio.issuedAccessTokens.length = 0;
      labelStudio.accessTokenLifetimeSeconds = 300;
      validAccessTokens.clear();
    },
  };

  function isAuthorized(header: string | undefined): boolean {
    if (header === `Token ${LEGACY_TOKEN}`) return true;
    return header?.startsWith('Bearer ') === true && validAccessTokens.has(header.slice('Bearer '.length));
  }

  function guarded(handler: FakeRouteHandler): FakeRouteHandler {
    return (request, response, body) => {
      if (!isAuthorized(request.headers.authorization)) {
        serve(response, Buffer.from('{"detail":"Authentication credentials were not provided."}'), 'application/json', 401);
      } else {
        handler(request, response, body);
      }
    };
  }

  const withPrefix = (path: string) => new RegExp(`^(/ls)?${path.replace(/[.?]/g, '\\$&')}$`);

  host.route(withPrefix('/data/upload/3/x.png'), guarded((_request, response) => serve(response, PNG_BYTES, 'image/png')));
  host.route(
    withPrefix('/data/local-files/'),
    guarded((request, response) => {
      const path = new URL(request.url ?? '/', 'http://fake').searchParams.get('d');
      if (path === 'images/cat.jpg') serve(response, JPEG_BYTES, 'image/jpeg');
      else serve(response, Buffer.from('{"detail":"Not found."}'), 'application/json', 404);
    }),
  );
  host.route(
    /^(\/ls)?\/tasks\/\d+\/presign\/$/,
    guarded((request, response) => {
      const fileUri = Buffer.from(new URL(request.url ?? '/', 'http://fake').searchParams.get('fileuri') ?? '', 'base64url').toString('utf8');
      const match = /^(s3|gs|azure-blob):\/\/(.+)$/.exec(fileUri);
      if (!match) return serve(response, Buffer.from('{"detail":"bad fileuri"}'), 'application/json', 400);
      redirect(response, `${storageUrl}/${match[2]}?X-Amz-Signature=presigned-secret-signature`, 303);
    }),
  );
  host.route(withPrefix('/api/token/refresh/'), (request, response, body) => {
    let refresh: unknown;
    try {
      refresh = (JSON.parse(body) as { refresh?: unknown }).refresh;
    } catch {
      refresh = undefined;
    }
    if (request.method !== 'POST' || refresh !== PERSONAL_ACCESS_TOKEN) {
      return serve(response, Buffer.from('{"detail":"Token is invalid or expired","code":"token_not_valid"}'), 'application/json', 401);
    }
    const access = createJwt({
      token_type: 'access',
      exp: Math.floor(Date.now() / 1000) + labelStudio.accessTokenLifetimeSeconds,
      jti: `access-${++counter}`,
    });
    labelStudio.issuedAccessTokens.push(access);
    validAccessTokens.add(access);
    serve(response, Buffer.from(JSON.stringify({ access })), 'application/json');
  });
  return labelStudio;
}

export interface RecordingLogger extends Logger {
  lines: Array<{ level: string; fields: Record<string, unknown>; message: string }>;
}

export function createRecordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const create = (bound: Record<string, unknown>): RecordingLogger => {
    const record = (level: string) => (fields: Record<string, unknown>, message: string) => lines.push({ level, fields: { ...bound, ...fields }, message });
    return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error'), child: (fields) => create({ ...bound, ...fields }) };
  };
  return create({});
}
