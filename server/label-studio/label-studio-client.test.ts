import type { ServerResponse } from 'node:http';
import { silentLogger } from '../../core/spec/logger';
import { LabelStudioClient, type LabelStudioResponse } from './label-studio-client';
import { LEGACY_TOKEN, PERSONAL_ACCESS_TOKEN, serve, startFakeLabelStudio, type FakeLabelStudio } from '../../test/helpers/start-fake-label-studio';

function sendJson(response: ServerResponse, value: unknown, status = 200, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(value));
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length, ...headers });
  response.end(bytes);
}

const TASKS = Array.from({ length: 5 }, (_value, index) => ({ id: index + 1, data: { text: `task ${index + 1}` } }));

function readTasks({ status, body }: LabelStudioResponse): { items: unknown[]; total: number | undefined } {
  if (status !== 200) throw new Error(`answered ${status}`);
  const parsed = JSON.parse(body.toString('utf8')) as { tasks: unknown[]; total?: number };
  return { items: parsed.tasks, total: parsed.total };
}

describe('LabelStudioClient', () => {
  let labelStudio: FakeLabelStudio;
  const waits: number[] = [];

  const createClient = (apiKey: string | undefined) =>
    new LabelStudioClient({
      baseUrl: `${labelStudio.url}/`,
      apiKey,
      timeoutMs: 5000,
      logger: silentLogger,
      retry: { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 50 },
      retryHooks: { random: () => 0, wait: async (delayMs) => void waits.push(delayMs) },
    });

  beforeAll(async () => {
    labelStudio = await startFakeLabelStudio('http://127.0.0.1:1');
  });
  afterAll(() => labelStudio.close());
  beforeEach(() => {
    labelStudio.reset();
    waits.length = 0;
    labelStudio.route('/api/tasks/', (request, response) => {
      const header = request.headers.authorization ?? '';
      const authorized =
        header === `Token ${LEGACY_TOKEN}` || (header.startsWith('Bearer ') && labelStudio.issuedAccessTokens.includes(header.slice('Bearer '.length)));
      if (!authorized) return sendJson(response, { detail: 'Authentication credentials were not provided.' }, 401);
      const query = new URL(request.url ?? '/', 'http://fake').searchParams;
      const page = Number(query.get('page'));
      const pageSize = Number(query.get('page_size'));
      const tasks = TASKS.slice((page - 1) * pageSize, page * pageSize);
      if (tasks.length === 0) return sendJson(response, { detail: 'Invalid page.' }, 404);
      sendJson(response, { tasks, total: TASKS.length, total_annotations: 0, total_predictions: 0 });
    });
  });

  const taskRequests = () => labelStudio.requests.filter((request) => request.path.startsWith('/api/tasks/'));

  async function readAll(client: LabelStudioClient, pageSize: number): Promise<number[]> {
    const ids: number[] = [];
    const signal = AbortSignal.timeout(5000);
    for await (const page of client.pages('/api/tasks/', { pageSize, maxPages: 10, maxBytes: 1 << 20, signal, readPage: readTasks })) {
      ids.push(...page.items.map((task) => (task as { id: number }).id));
    }
    return ids;
  }

  it('sends a legacy token as `Token <key>` and pages until the total', async () => {
    expect(await readAll(createClient(LEGACY_TOKEN), 2)).toEqual([1, 2, 3, 4, 5]);
    expect(taskRequests().map((request) => request.path)).toEqual([
      '/api/tasks/?page=1&page_size=2',
      '/api/tasks/?page=2&page_size=2',
      '/api/tasks/?page=3&page_size=2',
    ]);
    expect(taskRequests().every((request) => request.headers.authorization === `Token ${LEGACY_TOKEN}`)).toBe(true);
    expect(labelStudio.refreshRequests()).toHaveLength(0);
  });

  it('stops at a short page, and at a 404 past page 1 when no total is given', async () => {
    expect(await readAll(createClient(LEGACY_TOKEN), 5)).toEqual([1, 2, 3, 4, 5]);
    expect(taskRequests()).toHaveLength(1);
    labelStudio.reset();
    labelStudio.route('/api/tasks/', (request, response) => {
      const page = Number(new URL(request.url ?? '/', 'http://fake').searchParams.get('page'));
      if (page > 2) return sendJson(response, { detail: 'Invalid page.' }, 404);
      sendJson(response, { tasks: TASKS.slice((page - 1) * 2, page * 2) });
    });
    expect(await readAll(createClient(LEGACY_TOKEN), 2)).toEqual([1, 2, 3, 4]);
    expect(taskRequests()).toHaveLength(3);
  });

  it('exchanges a Personal Access Token once for a Bearer access token and uses it for every page', async () => {
    expect(await readAll(createClient(PERSONAL_ACCESS_TOKEN), 2)).toEqual([1, 2, 3, 4, 5]);
    expect(labelStudio.refreshRequests()).toHaveLength(1);
    expect(JSON.parse(labelStudio.refreshRequests()[0]?.body ?? '{}')).toEqual({ refresh: PERSONAL_ACCESS_TOKEN });
    const [access] = labelStudio.issuedAccessTokens;
    expect(taskRequests().every((request) => request.headers.authorization === `Bearer ${access}`)).toBe(true);
  });

  it('fetches a new access token once when Label Studio refuses the cached one', async () => {
    const client = createClient(PERSONAL_ACCESS_TOKEN);
    await readAll(client, 5);
    labelStudio.revokeAccessTokens();
    labelStudio.issuedAccessTokens.length = 0;
    expect(await readAll(client, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(labelStudio.refreshRequests()).toHaveLength(2);
  });

  it('retries a 429 after the retry-after Label Studio asks for, then succeeds', async () => {
    let answered = 0;
    labelStudio.route('/api/tasks/', (_request, response) => {
      answered += 1;
      if (answered === 1) return sendJson(response, { detail: 'Too many requests' }, 429, { 'retry-after': '2' });
      sendJson(response, { tasks: TASKS.slice(0, 1), total: 1 });
    });
    expect(await readAll(createClient(LEGACY_TOKEN), 5)).toEqual([1]);
    expect(taskRequests()).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('returns the last 503 when retries run out, and does not retry a 500', async () => {
    labelStudio.route('/api/tasks/', (_request, response) => sendJson(response, { detail: 'unavailable' }, 503));
    const client = createClient(LEGACY_TOKEN);
    const signal = AbortSignal.timeout(5000);
    const unavailable = await client.get('/api/tasks/', { signal, maxBytes: 1024 });
    expect(unavailable.status).toBe(503);
    expect(taskRequests()).toHaveLength(3);
    expect(waits).toHaveLength(2);

    labelStudio.reset();
    labelStudio.route('/api/tasks/', (_request, response) => serve(response, Buffer.from('{"detail":"boom"}'), 'application/json', 500));
    expect((await client.get('/api/tasks/', { signal, maxBytes: 1024 })).status).toBe(500);
    expect(taskRequests()).toHaveLength(1);
  });

  it('keeps tokens out of what it redacts', () => {
    const client = createClient(LEGACY_TOKEN);
    expect(client.redact(`failed with ${LEGACY_TOKEN}`)).toBe('failed with [redacted]');
  });
});
