import type { ServerResponse } from 'node:http';

export type SendJson = (response: ServerResponse, status: number, body: string | object, headers?: Record<string, string>) => void;

/** Sends a JSON response, an object body serialized, unless the response has ended or its connection is gone. */
export function sendJson(response: ServerResponse, status: number, body: string | object, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.writableEnded) return;
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
