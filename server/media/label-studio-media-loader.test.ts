import { LabelStudioMediaLoader, type LabelStudioMediaLoaderOptions } from './label-studio-media-loader';
import {
  createJwt,
  createRecordingLogger,
  JPEG_BYTES,
  LEGACY_TOKEN,
  PERSONAL_ACCESS_TOKEN,
  PNG_BYTES,
  redirect,
  startFakeHost,
  startFakeLabelStudio,
  type FakeHost,
  type FakeLabelStudio,
  type RecordingLogger,
} from '../../test/helpers/start-fake-label-studio';

let labelStudio: FakeLabelStudio;
let storage: FakeHost;
let logger: RecordingLogger;

beforeAll(async () => {
  storage = await startFakeHost();
  storage.route(/^\/bucket\/.+$/, (_request, response) => {
    response.writeHead(200, { 'content-type': 'binary/octet-stream', 'content-length': JPEG_BYTES.length });
    response.end(JPEG_BYTES);
  });
  labelStudio = await startFakeLabelStudio(storage.url);
});
afterAll(async () => {
  await labelStudio.close();
  await storage.close();
});
beforeEach(() => {
  labelStudio.reset();
  storage.reset();
  logger = createRecordingLogger();
});
afterEach(() => {
  const logged = JSON.stringify(logger.lines);
  for (const secret of [LEGACY_TOKEN, PERSONAL_ACCESS_TOKEN, ...labelStudio.issuedAccessTokens, 'presigned-secret-signature']) {
    expect(logged).not.toContain(secret);
  }
});

function createLoader(options: LabelStudioMediaLoaderOptions = {}): LabelStudioMediaLoader {
  return new LabelStudioMediaLoader({ labelStudioUrl: labelStudio.url, apiKey: LEGACY_TOKEN, environment: {}, logger, ...options });
}

const png = { mediaType: 'image/png', data: PNG_BYTES.toString('base64') };
const jpeg = { mediaType: 'image/jpeg', data: JPEG_BYTES.toString('base64') };

describe('LabelStudioMediaLoader: Label Studio paths', () => {
  it('downloads /data/upload/... from LABEL_STUDIO_URL with "Token <key>"', async () => {
    await expect(createLoader().load({ url: '/data/upload/3/x.png' })).resolves.toEqual(png);
    expect(labelStudio.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/data/upload/3/x.png', headers: expect.objectContaining({ authorization: `Token ${LEGACY_TOKEN}` }) }),
    ]);
  });

  it.each(['upload/3/x.png', '/upload/3/x.png'])('normalises %s to /data/upload/...', async (url) => {
    await expect(createLoader().load({ url })).resolves.toEqual(png);
    expect(labelStudio.requests.map((request) => request.path)).toEqual(['/data/upload/3/x.png']);
  });

  it('sends the key with an absolute URL on the Label Studio origin', async () => {
    await expect(createLoader().load({ url: `${labelStudio.url}/data/upload/3/x.png` })).resolves.toEqual(png);
    expect(labelStudio.requests[0]?.headers.authorization).toBe(`Token ${LEGACY_TOKEN}`);
  });

  it('downloads /data/local-files/?d=... from Label Studio', async () => {
    await expect(createLoader().load({ url: '/data/local-files/?d=images/cat.jpg' })).resolves.toEqual(jpeg);
    expect(labelStudio.requests[0]?.path).toBe('/data/local-files/?d=images/cat.jpg');
  });

  it('keeps the path prefix of LABEL_STUDIO_URL', async () => {
    const loader = createLoader({ labelStudioUrl: `${labelStudio.url}/ls/` });
    await expect(loader.load({ url: '/data/upload/3/x.png' })).resolves.toEqual(png);
    expect(labelStudio.requests[0]?.path).toBe('/ls/data/upload/3/x.png');
  });

  it('reads LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY from the environment', async () => {
    const loader = new LabelStudioMediaLoader({ environment: { LABEL_STUDIO_URL: labelStudio.url, LABEL_STUDIO_API_KEY: LEGACY_TOKEN } });
    await expect(loader.load({ url: '/data/upload/3/x.png' })).resolves.toEqual(png);
  });

  it('falls back to LABEL_STUDIO_HOST and LABEL_STUDIO_ACCESS_TOKEN', async () => {
    const loader = new LabelStudioMediaLoader({ environment: { LABEL_STUDIO_HOST: labelStudio.url, LABEL_STUDIO_ACCESS_TOKEN: LEGACY_TOKEN } });
    await expect(loader.load({ url: '/data/upload/3/x.png' })).resolves.toEqual(png);
  });

  it('fails clearly when LABEL_STUDIO_URL is not set', async () => {
    const loader = new LabelStudioMediaLoader({ environment: {}, logger });
    await expect(loader.load({ url: '/data/upload/3/x.png' })).rejects.toMatchObject({
      code: 'TASK_DATA_INVALID',
      failure: 'not-configured',
      message: expect.stringContaining('LABEL_STUDIO_URL is not set'),
    });
  });

  it('rejects a value that is not a URL', async () => {
    await expect(createLoader().load({ url: 'images/cat.png' })).rejects.toMatchObject({ code: 'TASK_DATA_INVALID' });
    expect(labelStudio.requests).toHaveLength(0);
  });
});

describe('LabelStudioMediaLoader: cloud storage URIs', () => {
  it('presigns s3:// through Label Studio, then downloads from storage without the key', async () => {
    await expect(createLoader().load({ url: 's3://bucket/cats/1.jpg', taskId: 7 })).resolves.toEqual(jpeg);

    const [presign] = labelStudio.requests;
    expect(presign?.headers.authorization).toBe(`Token ${LEGACY_TOKEN}`);
    const presignUrl = new URL(presign?.path ?? '', labelStudio.url);
    expect(presignUrl.pathname).toBe('/tasks/7/presign/');
    expect(Buffer.from(presignUrl.searchParams.get('fileuri') ?? '', 'base64url').toString()).toBe('s3://bucket/cats/1.jpg');
    expect(storage.requests).toEqual([expect.objectContaining({ path: '/bucket/cats/1.jpg?X-Amz-Signature=presigned-secret-signature' })]);
    expect(storage.requests[0]?.headers.authorization).toBeUndefined();
  });

  it.each(['gs://bucket/cats/1.jpg', 'azure-blob://bucket/cats/1.jpg'])('presigns %s', async (uri) => {
    await expect(createLoader().load({ url: uri, taskId: '12' })).resolves.toEqual(jpeg);
    const fileUri = new URL(labelStudio.requests[0]?.path ?? '', labelStudio.url).searchParams.get('fileuri') ?? '';
    expect(Buffer.from(fileUri, 'base64url').toString()).toBe(uri);
    expect(labelStudio.requests[0]?.path).toMatch(/^\/tasks\/12\/presign\//);
  });

  it('needs the task id', async () => {
    await expect(createLoader().load({ url: 's3://bucket/cats/1.jpg' })).rejects.toMatchObject({
      code: 'TASK_DATA_INVALID',
      message: expect.stringContaining('task id'),
    });
    expect(labelStudio.requests).toHaveLength(0);
  });
});

describe('LabelStudioMediaLoader: Personal Access Tokens', () => {
  it('exchanges the token once for several downloads and sends "Bearer <access>"', async () => {
    const loader = createLoader({ apiKey: PERSONAL_ACCESS_TOKEN });

    await Promise.all([1, 2, 3].map(() => loader.load({ url: '/data/upload/3/x.png' })));
    await loader.load({ url: '/data/upload/3/x.png' });
    await loader.load({ url: 's3://bucket/cats/1.jpg', taskId: 7 });

    expect(labelStudio.refreshRequests()).toEqual([
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ refresh: PERSONAL_ACCESS_TOKEN }) }),
    ]);
    const [access] = labelStudio.issuedAccessTokens;
    const downloads = labelStudio.requests.filter((request) => request.method === 'GET');
    expect(downloads).toHaveLength(5);
    for (const download of downloads) expect(download.headers.authorization).toBe(`Bearer ${access}`);
    expect(storage.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('exchanges again when the access token is about to expire', async () => {
    labelStudio.accessTokenLifetimeSeconds = 10;
    const loader = createLoader({ apiKey: PERSONAL_ACCESS_TOKEN });

    await loader.load({ url: '/data/upload/3/x.png' });
    await loader.load({ url: '/data/upload/3/x.png' });

    expect(labelStudio.refreshRequests()).toHaveLength(2);
  });

  it('exchanges again, once, when Label Studio refuses a cached access token', async () => {
    const loader = createLoader({ apiKey: PERSONAL_ACCESS_TOKEN });
    await loader.load({ url: '/data/upload/3/x.png' });
    labelStudio.revokeAccessTokens();

    await expect(loader.load({ url: '/data/upload/3/x.png' })).resolves.toEqual(png);
    expect(labelStudio.refreshRequests()).toHaveLength(2);
  });

  it('reports a rejected token without showing it', async () => {
    const rejected = createJwt({ token_type: 'refresh', exp: 4_102_444_800, jti: 'unknown' });
    const error = await createLoader({ apiKey: rejected }).load({ url: '/data/upload/3/x.png' }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'TASK_DATA_INVALID', failure: 'authentication', message: expect.stringContaining('401') });
    expect(String((error as Error).message)).not.toContain(rejected);
    expect(labelStudio.requests.filter((request) => request.method === 'GET')).toHaveLength(0);
  });

  it('uses a JWT access token as it is', async () => {
    const access = createJwt({ token_type: 'access', exp: Math.floor(Date.now() / 1000) + 600, jti: 'given' });
    labelStudio.acceptAccessToken(access);

    await expect(createLoader({ apiKey: access }).load({ url: '/data/upload/3/x.png' })).resolves.toEqual(png);
    expect(labelStudio.requests).toEqual([expect.objectContaining({ headers: expect.objectContaining({ authorization: `Bearer ${access}` }) })]);
  });
});

describe('LabelStudioMediaLoader: legacy tokens', () => {
  it('reports a refused key without showing it', async () => {
    const wrongKey = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
    const error = await createLoader({ apiKey: wrongKey }).load({ url: '/data/upload/3/x.png' }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'TASK_DATA_INVALID', failure: 'authentication', statusCode: 401 });
    expect((error as Error).message).toMatch(/LABEL_STUDIO_API_KEY/);
    expect((error as Error).message).not.toContain(wrongKey);
    expect(JSON.stringify(logger.lines)).not.toContain(wrongKey);
  });

  it('recognises a redirect to the login page', async () => {
    labelStudio.route('/data/upload/3/needs-login.png', (_request, response) => redirect(response, '/user/login/?next=/data/upload/3/needs-login.png'));
    await expect(createLoader().load({ url: '/data/upload/3/needs-login.png' })).rejects.toMatchObject({ failure: 'authentication' });
  });

  it('downloads without an Authorization header when no key is configured', async () => {
    labelStudio.route('/data/upload/3/public.png', (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(PNG_BYTES);
    });
    await expect(createLoader({ apiKey: '' }).load({ url: '/data/upload/3/public.png' })).resolves.toEqual(png);
    expect(labelStudio.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('LabelStudioMediaLoader: data: URLs', () => {
  it('decodes a base64 data: URL without any request', async () => {
    await expect(createLoader().load({ url: `data:image/png;base64,${PNG_BYTES.toString('base64')}` })).resolves.toEqual(png);
    expect(labelStudio.requests).toHaveLength(0);
  });

  it('takes the media type from the bytes when the URL names none or another', async () => {
    await expect(createLoader().load({ url: `data:;base64,${JPEG_BYTES.toString('base64')}` })).resolves.toEqual(jpeg);
    await expect(createLoader().load({ url: `data:image/jpeg;base64,${PNG_BYTES.toString('base64')}` })).resolves.toEqual(png);
  });

  it('decodes a percent-encoded image', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    await expect(createLoader().load({ url: `data:image/svg+xml,${encodeURIComponent(svg)}` })).resolves.toEqual({
      mediaType: 'image/svg+xml',
      data: Buffer.from(svg).toString('base64'),
    });
  });

  it('refuses a data: URL over maxBytes before decoding it', async () => {
    const url = `data:image/png;base64,${Buffer.alloc(2048).toString('base64')}`;
    await expect(createLoader({ maxBytes: 1024 }).load({ url })).rejects.toMatchObject({ code: 'TASK_DATA_INVALID', failure: 'too-large' });
  });

  it('refuses a data: URL that is not an image', async () => {
    await expect(createLoader().load({ url: 'data:text/plain;base64,aGVsbG8=' })).rejects.toMatchObject({ failure: 'not-an-image' });
  });

  it.each(['data:image/png;base64', 'data:image/png;base64,@@@@'])('rejects the malformed %s', async (url) => {
    await expect(createLoader().load({ url })).rejects.toMatchObject({ code: 'TASK_DATA_INVALID' });
  });
});
