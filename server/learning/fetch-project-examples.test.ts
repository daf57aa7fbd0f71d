import type { ServerResponse } from 'node:http';
import { fetchProjectExamples, ProjectExamplesFetchError } from './fetch-project-examples';
import {
  createRecordingLogger,
  LEGACY_TOKEN,
  PERSONAL_ACCESS_TOKEN,
  serve,
  startFakeLabelStudio,
  type FakeLabelStudio,
} from '../../test/helpers/start-fake-label-studio';

function labeledTask(id: number, label: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    data: { text: `review ${id}` },
    project: 2,
    annotations: [
      {
        id: id * 10,
        task: id,
        was_cancelled: false,
        updated_at: '2025-06-10T13:52:48Z',
        result: [{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: [label] } }],
      },
    ],
    predictions: [],
    ...extra,
  };
}

/** 5 tasks, 4 of them annotated (one of those cancelled), in pages of `page_size`; 404 past the last page. */
const allTasks = [
  labeledTask(1, 'Positive'),
  labeledTask(2, 'Negative'),
  { id: 3, data: { text: 'not annotated yet' }, annotations: [] },
  labeledTask(4, 'Neutral', { annotations: [{ id: 40, task: 4, was_cancelled: true, result: [] }] }),
  labeledTask(5, 'Positive'),
];

function sendJson(response: ServerResponse, value: unknown, status = 200): void {
  serve(response, Buffer.from(JSON.stringify(value)), 'application/json', status);
}

describe('fetchProjectExamples', () => {
  let labelStudio: FakeLabelStudio;

  beforeAll(async () => {
    labelStudio = await startFakeLabelStudio('http://127.0.0.1:1');
  });

  beforeEach(() => {
    labelStudio.reset();
    labelStudio.route(/^(\/ls)?\/api\/tasks\/$/, (request, response) => {
      const header = request.headers.authorization ?? '';
      const authorized =
        header === `Token ${LEGACY_TOKEN}` || (header.startsWith('Bearer ') && labelStudio.issuedAccessTokens.includes(header.slice('Bearer '.length)));
      if (!authorized) return sendJson(response, { detail: 'Authentication credentials were not provided.' }, 401);
      const query = new URL(request.url ?? '/', 'http://fake').searchParams;
      if (query.get('project') !== '2' || query.get('fields') !== 'all') return sendJson(response, { detail: 'bad query' }, 400);
      const page = Number(query.get('page'));
      const pageSize = Number(query.get('page_size'));
      const tasks = allTasks.slice((page - 1) * pageSize, page * pageSize);
      if (tasks.length === 0) return sendJson(response, { detail: 'Invalid page.' }, 404);
      sendJson(response, { tasks, total: allTasks.length, total_annotations: 4, total_predictions: 0 });
    });
  });

  afterAll(async () => {
    await labelStudio.close();
  });

  const taskRequests = () => labelStudio.requests.filter((request) => request.path.startsWith('/api/tasks/'));

  it('reads every page with a legacy token, logging each page', async () => {
    const logger = createRecordingLogger();
    const examples = await fetchProjectExamples({ projectId: '2', labelStudioUrl: `${labelStudio.url}/`, apiKey: LEGACY_TOKEN, pageSize: 2, logger, environment: {} });
    expect(examples.map((example) => [example.annotationId, example.taskId, example.result[0]?.value])).toEqual([
      [10, 1, { choices: ['Positive'] }],
      [20, 2, { choices: ['Negative'] }],
      [50, 5, { choices: ['Positive'] }],
    ]);
    expect(examples[0]).toMatchObject({ projectId: '2', data: { text: 'review 1' }, updatedAt: Date.parse('2025-06-10T13:52:48Z') });
    expect(taskRequests().map((request) => request.path)).toEqual([
      '/api/tasks/?project=2&page=1&page_size=2&fields=all',
      '/api/tasks/?project=2&page=2&page_size=2&fields=all',
      '/api/tasks/?project=2&page=3&page_size=2&fields=all',
    ]);
    expect(taskRequests().every((request) => request.headers.authorization === `Token ${LEGACY_TOKEN}`)).toBe(true);
    const pageLines = logger.lines.filter((line) => line.message === 'read a page of Label Studio tasks');
    expect(pageLines.map((line) => line.fields.page)).toEqual([1, 2, 3]);
    expect(JSON.stringify(logger.lines)).not.toContain(LEGACY_TOKEN);
  });

  it('stops on a 404 past the last page when the total is not given', async () => {
    labelStudio.route(/^\/api\/tasks\/$/, (request, response) => {
      const page = Number(new URL(request.url ?? '/', 'http://fake').searchParams.get('page'));
      if (page > 2) return sendJson(response, { detail: 'Invalid page.' }, 404);
      sendJson(response, allTasks.slice((page - 1) * 2, page * 2));
    });
    const examples = await fetchProjectExamples({ projectId: '2', labelStudioUrl: labelStudio.url, apiKey: LEGACY_TOKEN, pageSize: 2, environment: {} });
    expect(examples.map((example) => example.annotationId)).toEqual([10, 20]);
    expect(taskRequests()).toHaveLength(3);
  });

  it('exchanges a Personal Access Token for a Bearer access token, read from the environment', async () => {
    const examples = await fetchProjectExamples({
      projectId: '2',
      environment: { LABEL_STUDIO_URL: labelStudio.url, LABEL_STUDIO_API_KEY: PERSONAL_ACCESS_TOKEN },
    });
    expect(examples).toHaveLength(3);
    expect(labelStudio.refreshRequests()).toHaveLength(1);
    expect(taskRequests()[0]?.headers.authorization).toBe(`Bearer ${labelStudio.issuedAccessTokens[0]}`);
  });

  it('fetches a new access token once when Label Studio refuses the cached one', async () => {
    labelStudio.route(/^\/api\/tasks\/$/, (request, response) => {
      if (taskRequests().length === 1) return sendJson(response, { detail: 'Token expired' }, 401);
      sendJson(response, { tasks: allTasks.slice(0, 1), total: 1 });
    });
    const examples = await fetchProjectExamples({ projectId: '2', labelStudioUrl: labelStudio.url, apiKey: PERSONAL_ACCESS_TOKEN, environment: {} });
    expect(examples).toHaveLength(1);
    expect(labelStudio.refreshRequests()).toHaveLength(2);
  });

  async function failure(promise: Promise<unknown>): Promise<ProjectExamplesFetchError> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ProjectExamplesFetchError);
    return error as ProjectExamplesFetchError;
  }

  it('fails clearly on a rejected key, without the key in the message', async () => {
    const error = await failure(fetchProjectExamples({ projectId: '2', labelStudioUrl: labelStudio.url, apiKey: 'f'.repeat(40), environment: {} }));
    expect(error.failure).toBe('authentication');
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/Label Studio rejected the API key: GET http:\/\/127\.0\.0\.1:\d+\/api\/tasks\/ \(project 2, page 1\) answered 401/);
    expect(error.message).not.toContain('f'.repeat(40));
  });

  it('fails clearly on a refused Personal Access Token, without the token in the message', async () => {
    const forged = `${PERSONAL_ACCESS_TOKEN.slice(0, -4)}AAAA`;
    const error = await failure(fetchProjectExamples({ projectId: '2', labelStudioUrl: labelStudio.url, apiKey: forged, environment: {} }));
    expect(error.failure).toBe('authentication');
    expect(error.message).not.toContain(forged);
  });

  it.each([
    ['a server error', (response: ServerResponse) => sendJson(response, { detail: 'boom' }, 500), 'http-status', /answered 500/],
    ['a body that is not JSON', (response: ServerResponse) => serve(response, Buffer.from('<html>login</html>'), 'text/html'), 'invalid-response', /not JSON/],
    ['JSON without tasks', (response: ServerResponse) => sendJson(response, { detail: 'x' }), 'invalid-response', /without a "tasks" list/],
    ['a redirect (not followed)', (response: ServerResponse) => serve(response, Buffer.from(''), undefined, 302), 'http-status', /answered 302/],
  ])('fails clearly on %s', async (_case, answer, expectedFailure, message) => {
    labelStudio.route(/^\/api\/tasks\/$/, (_request, response) => answer(response));
    const error = await failure(fetchProjectExamples({ projectId: '2', labelStudioUrl: labelStudio.url, apiKey: LEGACY_TOKEN, environment: {} }));
    expect(error.failure).toBe(expectedFailure);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(LEGACY_TOKEN);
  });

  it('gives up after its time budget', async () => {
    labelStudio.route(/^\/api\/tasks\/$/, () => undefined);
    const error = await failure(fetchProjectExamples({ projectId: '2', labelStudioUrl: labelStudio.url, apiKey: LEGACY_TOKEN, timeoutMs: 200, environment: {} }));
    expect(error.failure).toBe('timeout');
    expect(error.message).toBe("reading project 2's tasks from Label Studio took longer than 200 ms");
  });

  it.each([
    ['missing', {}, /LABEL_STUDIO_URL is not set/],
    ['not http', { LABEL_STUDIO_URL: 'ftp://ls.example' }, /http\(s\) URL/],
    ['with credentials', { LABEL_STUDIO_URL: 'http://user:secret@ls.example' }, /without credentials/],
  ])('refuses a LABEL_STUDIO_URL that is %s', async (_case, environment, message) => {
    const error = await failure(fetchProjectExamples({ projectId: '2', environment }));
    expect(error.failure).toBe('not-configured');
    expect(error.message).toMatch(message);
  });

  it('keeps a path prefix', async () => {
    labelStudio.route(/^\/ls\/api\/tasks\/$/, (_request, response) => sendJson(response, { tasks: allTasks.slice(0, 2), total: 2 }));
    const examples = await fetchProjectExamples({ projectId: '2', labelStudioUrl: `${labelStudio.url}/ls/`, apiKey: LEGACY_TOKEN, environment: {} });
    expect(examples).toHaveLength(2);
    expect(labelStudio.requests[0]?.path).toBe('/ls/api/tasks/?project=2&page=1&page_size=100&fields=all');
  });
});
