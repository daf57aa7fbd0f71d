import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  headers: IncomingHttpHeaders;
  body: { model: string; system: string; prompt: string; json_schema: Record<string, unknown> | null; max_tokens: number; temperature: number | null };
}

export type GatewayReply =
  | { type: 'answer'; output: string; stop?: 'complete' | 'length' }
  | { type: 'error'; status: number; headers?: Record<string, string> }
  | { type: 'malformed' }
  | { type: 'hang' };

/** A stand-in for the company gateway on 127.0.0.1: scripted replies, recorded requests. */
export async function startFakeCompanyGateway(handler: (request: GatewayRequest) => GatewayReply) {
  const requests: GatewayRequest[] = [];
  const script: GatewayReply[] = [];
  let answer = handler;
  const server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: GatewayRequest = { headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
      requests.push(recorded);
      const reply = script.shift() ?? answer(recorded);
      if (reply.type === 'hang') return;
      if (reply.type === 'malformed') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"output": "unfinished');
      } else if (reply.type === 'error') {
        response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end('{"error": "busy"}');
      } else {
        const usage = { input: Math.ceil(recorded.body.prompt.length / 4), output: Math.ceil(reply.output.length / 4) };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ output: reply.output, stop: reply.stop ?? 'complete', usage }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    script: (...replies: GatewayReply[]) => void script.push(...replies),
    setHandler: (next: (request: GatewayRequest) => GatewayReply) => void (answer = next),
    reset: () => {
      requests.length = 0;
      script.length = 0;
      answer = handler;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
