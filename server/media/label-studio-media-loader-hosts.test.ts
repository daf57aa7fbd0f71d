import dns from 'node:dns';
import { PrelabelError } from '../../core/errors';
import {
  isPrivateNetworkHost,
  LabelStudioMediaLoader,
  labelStudioRedirectRule,
  type LabelStudioMediaLoaderOptions,
} from './label-studio-media-loader';
import { MediaRefusedError } from './media-refused-error';
import {
  createRecordingLogger,
  GIF_BYTES,
  LEGACY_TOKEN,
  PNG_BYTES,
  redirect,
  serve,
  startFakeHost,
  startFakeLabelStudio,
  type FakeHost,
  type FakeLabelStudio,
  type RecordingLogger,
} from '../../test/helpers/start-fake-label-studio';

let labelStudio: FakeLabelStudio;
let storage: FakeHost;
let elsewhere: FakeHost;
let logger: RecordingLogger;

beforeAll(async () => {
  storage = await startFakeHost();
  elsewhere = await startFakeHost();
  labelStudio = await startFakeLabelStudio(storage.url);
  elsewhere.route('/cat.gif', (_request, response) => serve(response, GIF_BYTES, 'image/gif'));
  elsewhere.route('/to-storage', (_request, response) => redirect(response, `${storage.url}/bucket/cat.gif`));
  elsewhere.route('/to-label-studio', (_request, response) => redirect(response, `${labelStudio.url}/data/upload/3/x.png`));
  storage.route('/bucket/cat.gif', (_request, response) => serve(response, GIF_BYTES, 'image/gif'));
  labelStudio.route('/data/upload/3/moved.gif', (request, response) =>
    request.headers.authorization === `Token ${LEGACY_TOKEN}` ? redirect(response, `${elsewhere.url}/cat.gif`, 307) : serve(response, Buffer.alloc(0), 'text/plain', 401),
  );
  labelStudio.route('/data/upload/3/loop.png', (_request, response) => redirect(response, '/data/upload/3/loop.png'));
  labelStudio.route('/data/upload/3/to-metadata.png', (_request, response) => redirect(response, 'http://169.254.169.254/latest/meta-data/'));
  labelStudio.route('/data/upload/3/to-file.png', (_request, response) => redirect(response, 'file:///etc/passwd'));
});
afterAll(async () => {
  await Promise.all([labelStudio.close(), storage.close(), elsewhere.close()]);
});
beforeEach(() => {
  for (const host of [labelStudio, storage, elsewhere]) host.reset();
  logger = createRecordingLogger();
});
afterEach(() => {
  expect(JSON.stringify(logger.lines)).not.toContain(LEGACY_TOKEN);
  for (const host of [storage, elsewhere]) {
    for (const request of host.requests) expect(request.headers.authorization).toBeUndefined();
  }
});

function createLoader(options: LabelStudioMediaLoaderOptions = {}): LabelStudioMediaLoader {
  return new LabelStudioMediaLoader({ labelStudioUrl: labelStudio.url, apiKey: LEGACY_TOKEN, environment: {}, logger, ...options });
}

async function refusal(promise: Promise<unknown>): Promise<MediaRefusedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(PrelabelError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ code: 'REQUEST_INVALID', isRetryable: false, message: expect.stringMatching(/^refused to download /) });
  expect((error as Error).message).not.toContain(LEGACY_TOKEN);
  return error as MediaRefusedError;
}

const gif = { mediaType: 'image/gif', data: GIF_BYTES.toString('base64') };

describe('LabelStudioMediaLoader: hosts', () => {
  it('refuses a host that is not allow-listed, without contacting it', async () => {
    const error = await refusal(createLoader().load({ url: `${elsewhere.url}/cat.gif` }));

    expect(error).toBeInstanceOf(MediaRefusedError);
    expect(error.host).toBe(elsewhere.host);
    expect(error.message).toContain(elsewhere.host);
    expect(elsewhere.requests).toHaveLength(0);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn' })]);
  });

  it('downloads from an allow-listed host:port, without the key', async () => {
    await expect(createLoader({ allowedHosts: [elsewhere.host] }).load({ url: `${elsewhere.url}/cat.gif` })).resolves.toEqual(gif);
    expect(elsewhere.requests).toHaveLength(1);
  });

  it('treats the same address on another port as another host', async () => {
    await refusal(createLoader({ allowedHosts: ['127.0.0.1:1'] }).load({ url: `${elsewhere.url}/cat.gif` }));
    await refusal(createLoader({ allowedHosts: [labelStudio.host] }).load({ url: `${elsewhere.url}/cat.gif` }));
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('allows every port of an entry without a port', async () => {
    await expect(createLoader({ allowedHosts: ['127.0.0.1'] }).load({ url: `${elsewhere.url}/cat.gif` })).resolves.toEqual(gif);
  });

  it('follows a Label Studio redirect to another host, dropping the key', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/moved.gif' })).resolves.toEqual(gif);
    expect(labelStudio.requests[0]?.headers.authorization).toBe(`Token ${LEGACY_TOKEN}`);
    expect(elsewhere.requests).toHaveLength(1);
  });

  it('refuses a redirect from an allow-listed host to one that is not', async () => {
    const error = await refusal(createLoader({ allowedHosts: [elsewhere.host] }).load({ url: `${elsewhere.url}/to-storage` }));
    expect(error.host).toBe(storage.host);
    expect(storage.requests).toHaveLength(0);
  });

  it('sends the key again only when a redirect comes back to Label Studio', async () => {
    await createLoader({ allowedHosts: [elsewhere.host] }).load({ url: `${elsewhere.url}/to-label-studio` });
    expect(labelStudio.requests[0]?.headers.authorization).toBe(`Token ${LEGACY_TOKEN}`);
  });

  it('gives up after 3 redirects', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/loop.png' })).rejects.toMatchObject({ code: 'TASK_DATA_INVALID', failure: 'too-many-redirects' });
    expect(labelStudio.requests).toHaveLength(4);
  });

  it.each(['/data/upload/3/to-metadata.png', '/data/upload/3/to-file.png'])('refuses where even Label Studio may not send it: %s', async (url) => {
    await refusal(createLoader().load({ url }));
  });

  it.each(['file:///etc/passwd', 'ftp://127.0.0.1/x.png', 'gopher://127.0.0.1/x', 'javascript:alert(1)'])('refuses %s', async (url) => {
    const error = await refusal(createLoader({ allowedHosts: ['127.0.0.1'] }).load({ url }));
    expect(error.message).toMatch(/only http\(s\) URLs/);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://0xa9fea9fe/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/latest/meta-data/',
    'http://[fe80::1]/x.png',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://100.100.100.200/latest/meta-data/',
    'http://0.0.0.0/x.png',
  ])('refuses the link-local or metadata address %s even when allow-listed', async (url) => {
    const allowedHosts = ['169.254.169.254', '[::ffff:169.254.169.254]', '[fe80::1]', 'metadata.google.internal', '100.100.100.200', '0.0.0.0'];
    await refusal(createLoader({ allowedHosts }).load({ url }));
  });

  it.each(['http://10.0.0.1/x.png', 'http://[::1]:1/x.png', 'http://2130706433:1/x.png', 'http://localhost:1/x.png'])(
    'refuses the address %s unless listed',
    async (url) => {
      await refusal(createLoader().load({ url }));
    },
  );

  it('reads a protocol-relative URL with the scheme of LABEL_STUDIO_URL, under the same rules', async () => {
    await refusal(createLoader().load({ url: `//${elsewhere.host}/cat.gif` }));
    await expect(createLoader({ allowedHosts: [elsewhere.host] }).load({ url: `//${elsewhere.host}/cat.gif` })).resolves.toEqual(gif);
  });

  it('refuses a URL with credentials, without showing them', async () => {
    const error = await refusal(createLoader({ allowedHosts: [elsewhere.host] }).load({ url: `http://user:hunter2@${elsewhere.host}/cat.gif` }));
    expect(error.message).not.toContain('hunter2');
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('rejects an allowedHosts entry that is not a host', () => {
    expect(() => createLoader({ allowedHosts: ['*', 'ok.example.com', 'http://x.example.com/path'] })).toThrow(
      expect.objectContaining({ code: 'PROJECT_CONFIG_INVALID', problems: [expect.stringContaining('allowedHosts[0]'), expect.stringContaining('allowedHosts[2]')] }),
    );
  });
});

describe('LabelStudioMediaLoader: resolved addresses', () => {
  afterEach(() => jest.restoreAllMocks());

  function resolveEveryNameTo(address: string): void {
    jest.spyOn(dns, 'lookup').mockImplementation(((_hostname: string, options: dns.LookupOptions, callback: (...values: unknown[]) => void) => {
      const family = address.includes(':') ? 6 : 4;
      if (options.all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    }) as unknown as typeof dns.lookup);
  }

  it('connects to an allow-listed name that resolves to an ordinary address', async () => {
    resolveEveryNameTo('127.0.0.1');
    const port = new URL(elsewhere.url).port;
    await expect(createLoader({ allowedHosts: ['*.images.test'] }).load({ url: `http://cdn.images.test:${port}/cat.gif` })).resolves.toEqual(gif);
  });

  it('refuses an allow-listed name that resolves to a metadata address', async () => {
    resolveEveryNameTo('169.254.169.254');
    const error = await refusal(createLoader({ allowedHosts: ['*.images.test'] }).load({ url: 'http://cdn.images.test/cat.gif' }));
    expect(error.message).toContain('169.254.169.254');
  });
});

describe('LabelStudioMediaLoader: where a Label Studio redirect may lead', () => {
  afterEach(() => jest.restoreAllMocks());

  /** Label Studio at a public name (resolved, like every name, to the fake on 127.0.0.1). */
  function createPublicLabelStudioLoader(options: LabelStudioMediaLoaderOptions = {}): LabelStudioMediaLoader {
    jest.spyOn(dns, 'lookup').mockImplementation(((_hostname: string, lookupOptions: dns.LookupOptions, callback: (...values: unknown[]) => void) => {
      if (lookupOptions.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    }) as unknown as typeof dns.lookup);
    const labelStudioUrl = `http://labelstudio.example.com:${new URL(labelStudio.url).port}`;
    return new LabelStudioMediaLoader({ labelStudioUrl, apiKey: LEGACY_TOKEN, environment: {}, logger, ...options });
  }

  it('follows a redirect to a private address when Label Studio is on a private network itself (MinIO)', async () => {
    await expect(createLoader().load({ url: 's3://bucket/cat.gif', taskId: 7 })).resolves.toEqual(gif);
    expect(storage.requests).toHaveLength(1);
  });

  it('refuses a redirect to a private address from a Label Studio at a public address', async () => {
    const error = await refusal(createPublicLabelStudioLoader().load({ url: '/data/upload/3/moved.gif' }));
    expect(labelStudio.requests).toHaveLength(1);
    expect(error.host).toBe(elsewhere.host);
    expect(error.message).toMatch(/a private address.*media\.allowed_hosts/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('refuses a redirect to a name that resolves to a private address from a Label Studio at a public address', async () => {
    const port = new URL(storage.url).port;
    labelStudio.route('/data/upload/3/to-named-storage.gif', (_request, response) => redirect(response, `http://minio.example.com:${port}/bucket/cat.gif`));
    const error = await refusal(createPublicLabelStudioLoader().load({ url: '/data/upload/3/to-named-storage.gif' }));
    expect(error.message).toMatch(/resolves to 127\.0\.0\.1, a private address/);
    expect(storage.requests).toHaveLength(0);
  });

  it('follows it when the private host is in allowedHosts', async () => {
    await expect(createPublicLabelStudioLoader({ allowedHosts: [elsewhere.host] }).load({ url: '/data/upload/3/moved.gif' })).resolves.toEqual(gif);
    expect(elsewhere.requests).toHaveLength(1);
  });

  it.each([
    ['storage.example.com', false, 'public-only'],
    ['203.0.113.7', false, 'public-only'],
    ['10.0.0.5', false, 'refused'],
    ['minio', false, 'refused'],
    ['minio.internal', false, 'refused'],
    ['[::1]', false, 'refused'],
    ['10.0.0.5', true, 'allowed'],
    ['minio', true, 'allowed'],
  ] as const)('rules a redirect to %s (Label Studio private: %s) %s', (host, labelStudioIsPrivate, rule) => {
    expect(labelStudioRedirectRule(new URL(`http://${host}:9000/bucket/x.png`), labelStudioIsPrivate)).toBe(rule);
  });

  it.each([
    ['localhost', true],
    ['label-studio', true],
    ['127.0.0.1', true],
    ['192.168.1.20', true],
    ['ls.corp.internal', true],
    ['app.heartex.com', false],
    ['8.8.8.8', false],
  ])('counts %s as a private-network host: %s', (host, expected) => {
    expect(isPrivateNetworkHost(host)).toBe(expected);
  });
});

describe('LabelStudioMediaLoader: passPublicUrls', () => {
  it('passes a public https URL to the provider without downloading it', async () => {
    const url = 'https://images.example.com/cats/1.png?size=large';
    await expect(createLoader({ passPublicUrls: true }).load({ url })).resolves.toEqual({ url });
  });

  it('is off by default', async () => {
    await refusal(createLoader().load({ url: 'https://images.example.com/cats/1.png' }));
  });

  it.each([
    'http://images.example.com/cats/1.png',
    'https://localhost/x.png',
    'https://printer.local/x.png',
    'https://intranet/x.png',
    'https://10.1.2.3/x.png',
    'https://[::1]/x.png',
    'https://169.254.169.254/x.png',
  ])('does not pass %s, and refuses to download it', async (url) => {
    await refusal(createLoader({ passPublicUrls: true }).load({ url }));
  });

  it('still downloads Label Studio URLs, which need the key', async () => {
    await expect(createLoader({ passPublicUrls: true }).load({ url: '/data/upload/3/x.png' })).resolves.toEqual({
      mediaType: 'image/png',
      data: PNG_BYTES.toString('base64'),
    });
  });
});
