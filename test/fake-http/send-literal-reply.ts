import type { ServerResponse } from 'node:http';
import type { MalformedReply, RawReply } from './fake-http-reply';
import type { SendJson } from './send-json';

/** Sends a `malformed` or `raw` reply as it is given, through the server's `send`; `malformedBody` is the default body. */
export function sendLiteralReply(send: SendJson, response: ServerResponse, reply: MalformedReply | RawReply, malformedBody: string): void {
  if (reply.type === 'malformed') {
    send(response, reply.status ?? 200, reply.body ?? malformedBody, { 'content-type': reply.contentType ?? 'application/json', ...reply.headers });
  } else {
    send(response, reply.status ?? 200, reply.body, { ...(typeof reply.body === 'string' ? { 'content-type': 'text/plain' } : {}), ...reply.headers });
  }
}
