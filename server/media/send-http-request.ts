import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { classifyAddress } from './classify-address';
import { MediaLoadError } from './media-load-error';
import { MediaRefusedError } from './media-refused-error';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** Refuse to connect when the host name resolves to a link-local or metadata address. */
  guardResolvedAddresses: boolean;
  /** Refuse private and loopback resolved addresses too (a redirect that may only go to public hosts). */
  refusePrivateAddresses?: boolean;
}

/** `dns.lookup`, failing with a `MediaRefusedError` when an address the name resolves to is forbidden (or private, when asked). */
function createGuardedLookup(refusePrivateAddresses: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, options, (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => {
      if (error) return callback(error, '', 0);
      const addresses = typeof address === 'string' ? [address] : address.map((entry) => entry.address);
      const forbidden = addresses.find((candidate) => classifyAddress(candidate) === 'forbidden');
      const refused = forbidden ?? (refusePrivateAddresses ? addresses.find((candidate) => classifyAddress(candidate) === 'private') : undefined);
      if (refused !== undefined) {
        const reason =
          forbidden !== undefined
            ? `it resolves to ${forbidden}, a link-local or metadata address`
            : `it resolves to ${refused}, a private address, and only public hosts are followed there (see media.allowed_hosts)`;
        const refusal = new MediaRefusedError(hostname, `refused to download from ${hostname}: ${reason}`);
        return callback(refusal as unknown as NodeJS.ErrnoException, '', 0);
      }
      (callback as (error: null, address: string | LookupAddress[], family?: number) => void)(null, address, family);
    });
  };
}

/** One HTTP request, no redirects followed, no compression asked for; resolves when the response headers arrive. */
export function sendHttpRequest(request: HttpRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const transport = request.url.protocol === 'https:' ? https : http;
    const outgoing = transport.request(
      request.url,
      {
        method: request.method,
        headers: request.headers,
        signal: request.signal,
        agent: false,
        ...(request.guardResolvedAddresses && { lookup: createGuardedLookup(request.refusePrivateAddresses ?? false) }),
      },
      resolve,
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** The whole body, counting bytes as they arrive: past `maxBytes` the connection is dropped, whatever content-length said. */
export async function readResponseBody(response: IncomingMessage, maxBytes: number, described: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      throw new MediaLoadError('too-large', `${described} is larger than the ${maxBytes}-byte limit`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
