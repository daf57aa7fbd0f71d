import net, { type AddressInfo, type Socket } from 'node:net';
import { LabelStudioMediaLoader, type LabelStudioMediaLoaderOptions } from './label-studio-media-loader';
import { GIF_BYTES, JPEG_BYTES, LEGACY_TOKEN, PNG_BYTES, serve, startFakeHost, type FakeHost, WEBP_BYTES } from '../../test/helpers/start-fake-label-studio';

const MAX_BYTES = 64 * 1024;

let labelStudio: FakeHost;
let rawServer: net.Server;
let rawUrl: string;
const rawSockets = new Set<Socket>();
/** What the raw server writes after reading a request: the whole answer, bytes as given. */
let rawAnswer: (socket: Socket) => void;
let bytesStreamed = 0;

function streamUntilClosed(response: import('node:http').ServerResponse, chunk: Buffer): void {
  const writeMore = () => {
    while (!response.destroyed && response.write(chunk)) bytesStreamed += chunk.length;
    if (!response.destroyed) response.once('drain', writeMore);
  };
  writeMore();
}

beforeAll(async () => {
  labelStudio = await startFakeHost();
  const png = (status: number) => (_request: unknown, response: import('node:http').ServerResponse) => serve(response, PNG_BYTES, 'image/png', status);
  labelStudio.route('/data/upload/3/declared-huge.png', (_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': 50 * 1024 * 1024 });
    streamUntilClosed(response, Buffer.alloc(16 * 1024));
  });
  labelStudio.route('/data/upload/3/endless.png', (_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png' });
    response.write(PNG_BYTES);
    streamUntilClosed(response, Buffer.alloc(16 * 1024));
  });
  labelStudio.route('/data/upload/3/slow.png', (_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png' });
    const timer = setInterval(() => response.write(Buffer.alloc(1)), 20);
    response.on('close', () => clearInterval(timer));
  });
  labelStudio.route('/data/upload/3/hang.png', () => {});
  labelStudio.route('/data/upload/3/page.html', (_request, response) => serve(response, Buffer.from('<html></html>'), 'text/html; charset=utf-8'));
  labelStudio.route('/data/upload/3/photo.bin', (_request, response) => serve(response, JPEG_BYTES, 'application/octet-stream'));
  labelStudio.route('/data/upload/3/photo.webp', (_request, response) => serve(response, WEBP_BYTES, 'binary/octet-stream'));
  labelStudio.route('/data/upload/3/untyped.gif', (_request, response) => serve(response, GIF_BYTES, undefined));
  labelStudio.route('/data/upload/3/notes.bin', (_request, response) => serve(response, Buffer.from('just text'), 'application/octet-stream'));
  labelStudio.route('/data/upload/3/mislabelled.jpg', (_request, response) => serve(response, PNG_BYTES, 'image/jpeg'));
  labelStudio.route('/data/upload/3/gzipped.png', (_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png', 'content-encoding': 'gzip', 'content-length': PNG_BYTES.length });
    response.end(PNG_BYTES);
  });
  labelStudio.route('/data/upload/3/missing.png', png(404));
  labelStudio.route('/data/upload/3/unavailable.png', png(503));

  rawServer = net.createServer((socket) => {
    rawSockets.add(socket);
    socket.on('close', () => rawSockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', () => rawAnswer(socket));
  });
  await new Promise<void>((resolve) => rawServer.listen(0, '127.0.0.1', resolve));
  rawUrl = `http://127.0.0.1:${(rawServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of rawSockets) socket.destroy();
  await Promise.all([labelStudio.close(), new Promise((resolve) => rawServer.close(resolve))]);
});
beforeEach(() => {
  labelStudio.reset();
  bytesStreamed = 0;
});

function createLoader(options: LabelStudioMediaLoaderOptions = {}): LabelStudioMediaLoader {
  return new LabelStudioMediaLoader({
    labelStudioUrl: labelStudio.url,
    apiKey: LEGACY_TOKEN,
    environment: {},
    maxBytes: MAX_BYTES,
    allowedHosts: [new URL(rawUrl).host],
    ...options,
  });
}

function httpHead(headers: string[]): Buffer {
  return Buffer.from(`HTTP/1.1 200 OK\r\n${headers.map((header) => `${header}\r\n`).join('')}\r\n`, 'latin1');
}

describe('LabelStudioMediaLoader: size limit', () => {
  it('refuses a body whose content-length is over maxBytes without reading it', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/declared-huge.png' })).rejects.toMatchObject({
      code: 'TASK_DATA_INVALID',
      failure: 'too-large',
      message: expect.stringContaining(`${50 * 1024 * 1024} bytes`),
    });
  });

  it('stops reading a body without content-length once it passes maxBytes', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/endless.png' })).rejects.toMatchObject({ failure: 'too-large' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bytesStreamed).toBeLessThan(100 * MAX_BYTES);
  });

  it('counts the bytes of a close-delimited body that states no length', async () => {
    rawAnswer = (socket) => {
      socket.write(httpHead(['Content-Type: image/png', 'Connection: close']));
      socket.write(PNG_BYTES);
      socket.end(Buffer.alloc(2 * MAX_BYTES));
    };
    await expect(createLoader().load({ url: `${rawUrl}/x.png` })).rejects.toMatchObject({ failure: 'too-large' });
  });

  it('never takes more than a content-length that understates the body', async () => {
    rawAnswer = (socket) => {
      socket.write(httpHead(['Content-Type: image/png', `Content-Length: ${PNG_BYTES.length}`, 'Connection: close']));
      socket.end(Buffer.concat([PNG_BYTES, Buffer.alloc(2 * MAX_BYTES)]));
    };
    await expect(createLoader().load({ url: `${rawUrl}/x.png` })).resolves.toEqual({ mediaType: 'image/png', data: PNG_BYTES.toString('base64') });
  });

  it('fails, rather than returning a truncated image, when the body is shorter than its content-length', async () => {
    rawAnswer = (socket) => {
      socket.write(httpHead(['Content-Type: image/png', 'Content-Length: 5000']));
      socket.end(PNG_BYTES);
    };
    await expect(createLoader().load({ url: `${rawUrl}/x.png` })).rejects.toMatchObject({ failure: 'network', isRetryable: true });
  });
});

describe('LabelStudioMediaLoader: time limit', () => {
  it('gives up on a body that trickles in past timeoutMs', async () => {
    const startedAt = Date.now();
    await expect(createLoader({ timeoutMs: 300 }).load({ url: '/data/upload/3/slow.png' })).rejects.toMatchObject({
      code: 'TASK_DATA_INVALID',
      failure: 'timeout',
      isRetryable: true,
      message: expect.stringContaining('300 ms'),
    });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it('gives up on a server that never answers', async () => {
    await expect(createLoader({ timeoutMs: 200 }).load({ url: '/data/upload/3/hang.png' })).rejects.toMatchObject({ failure: 'timeout' });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(createLoader().load({ url: '/data/upload/3/hang.png', signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('makes no request when the signal is already aborted', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/x.png', signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(labelStudio.requests).toHaveLength(0);
  });
});

describe('LabelStudioMediaLoader: content types and statuses', () => {
  it('refuses a body that is not an image', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/page.html' })).rejects.toMatchObject({
      code: 'TASK_DATA_INVALID',
      failure: 'not-an-image',
      message: expect.stringContaining('text/html'),
    });
  });

  it.each([
    ['/data/upload/3/photo.bin', 'image/jpeg', JPEG_BYTES],
    ['/data/upload/3/photo.webp', 'image/webp', WEBP_BYTES],
    ['/data/upload/3/untyped.gif', 'image/gif', GIF_BYTES],
    ['/data/upload/3/mislabelled.jpg', 'image/png', PNG_BYTES],
  ])('sniffs %s as %s', async (url, mediaType, bytes) => {
    await expect(createLoader().load({ url })).resolves.toEqual({ mediaType, data: bytes.toString('base64') });
  });

  it('refuses a generic body that is not PNG, JPEG, GIF or WebP', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/notes.bin' })).rejects.toMatchObject({ failure: 'not-an-image' });
  });

  it('asks for no compression and refuses a compressed body', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/gzipped.png' })).rejects.toMatchObject({ failure: 'not-an-image' });
    expect(labelStudio.requests[0]?.headers['accept-encoding']).toBe('identity');
  });

  it('reports a 404 as final and a 503 as retryable', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/missing.png' })).rejects.toMatchObject({ failure: 'http-status', statusCode: 404, isRetryable: false });
    await expect(createLoader().load({ url: '/data/upload/3/unavailable.png' })).rejects.toMatchObject({ failure: 'http-status', statusCode: 503, isRetryable: true });
  });
});
