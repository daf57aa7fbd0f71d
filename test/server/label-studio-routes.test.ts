import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { answerSentiment, userMessageOf } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

const fixtures = path.join(__dirname, '..', 'fixtures', 'label-studio');
const readFixture = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));
const setupRequest = readFixture('setup-request.json');
const predictRequest = readFixture('predict-request.json');
const sentimentConfig: string = predictRequest.label_config;
const API_KEY = 'sk-test-0123456789abcdef-secret';

function task(id: number, text: string) {
  return { ...predictRequest.tasks[0], id, data: { text } };
}

describe('Label Studio ML backend routes over HTTP', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerSentiment });
  });
  afterAll(() => openai.close());

  beforeEach(async () => {
    openai.reset();
    openai.setHandler(answerSentiment);
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL } });
  });
  afterEach(() => server.close());

  describe('GET /health and GET /', () => {
    it.each(['/health', '/'])('%s answers UP without touching the model', async (route) => {
      const response = await server.get(route);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'UP', model_class: 'prelabel' });
      expect(openai.requests).toHaveLength(0);
    });
  });

  describe('POST /setup', () => {
    it('returns the model_version that /predict then uses, retrieving the model but asking for no completion', async () => {
      const setup = await server.post('/setup', setupRequest);
      expect(setup.status).toBe(200);
      expect(typeof setup.body.model_version).toBe('string');
      expect(setup.body.model_version).toMatch(/^prelabel-gpt-4o-[0-9a-f]{12}$/);
      expect(openai.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/models/gpt-4o']);
      const predict = await server.post('/predict', predictRequest);
      expect(predict.body.results.map((result: { model_version: string }) => result.model_version)).toEqual([
        setup.body.model_version,
        setup.body.model_version,
      ]);
    });

    it.each([['""'], ['{"temperature": 0.2}'], [{ model: 'gpt-4' }], [null], ['not json']])(
      'accepts extra_params %j',
      async (extraParams) => {
        const response = await server.post('/setup', { ...setupRequest, extra_params: extraParams });
        expect(response.status).toBe(200);
        expect(typeof response.body.model_version).toBe('string');
      },
    );

    it('gives the same model_version for the same project and config, another for another config', async () => {
      const first = await server.post('/setup', setupRequest);
      const again = await server.post('/setup', setupRequest);
      const otherConfig = sentimentConfig.replace('<Choice value="Neutral"/>', '<Choice value="Mixed"/>');
      const other = await server.post('/setup', { ...setupRequest, schema: otherConfig });
      expect(again.body.model_version).toBe(first.body.model_version);
      expect(other.body.model_version).not.toBe(first.body.model_version);
    });

    it('never puts the API key in model_version or the logs', async () => {
      const setup = await server.post('/setup', setupRequest);
      await server.post('/predict', predictRequest);
      expect(JSON.stringify(setup.body)).not.toContain(API_KEY);
      expect(server.logText()).not.toContain(API_KEY);
      expect(openai.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    });

    it.each([
      ['a labeling config that does not parse', { ...setupRequest, schema: '<View><Text name="text" value="$text">' }, /never closed|line/],
      ['a missing schema', { project: '3.1' }, /"schema" is missing/],
    ])('refuses %s with a 400 naming the problem', async (_name, body, message) => {
      const response = await server.post('/setup', body);
      expect(response.status).toBe(400);
      expect(response.body.detail).toMatch(message);
    });
  });

  describe('POST /predict', () => {
    it('returns one prediction per task, in order, with choices results Label Studio accepts', async () => {
      const response = await server.post('/predict', predictRequest);
      expect(response.status).toBe(200);
      expect(response.body.results).toHaveLength(2);
      const [first, second] = response.body.results;
      expect(first).toEqual({
        result: [{ id: expect.stringMatching(/^[A-Za-z0-9_-]+$/), from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } }],
        // The fake server gives every token a log-probability of 0 unless scripted: a confidence of 1.
        score: 1,
        model_version: expect.any(String),
      });
      expect(second.result[0].value).toEqual({ choices: ['Negative'] });
      expect(first.result[0].id).not.toBe(second.result[0].id);
    });

    it('asks the model with a strict JSON schema built from the labeling config', async () => {
      await server.post('/predict', { ...predictRequest, tasks: [predictRequest.tasks[0]] });
      const body = openai.requests[0]?.body as any;
      expect(body.model).toBe('gpt-4o');
      expect(body.response_format).toEqual({
        type: 'json_schema',
        json_schema: {
          name: 'label_studio_prediction',
          strict: true,
          schema: {
            type: 'object',
            properties: { sentiment: expect.objectContaining({ anyOf: [{ type: 'string', enum: ['Positive', 'Negative', 'Neutral'] }, { type: 'null' }] }) },
            required: ['sentiment'],
            additionalProperties: false,
          },
        },
      });
      expect(userMessageOf(body)).toContain('<text>\nI love this product!\n</text>');
    });

    it('keeps task order for a large batch whose answers arrive out of order', async () => {
      openai.setHandler((body) => {
        const text = userMessageOf(body);
        const number = Number(/task (\d+)/.exec(text)?.[1]);
        return { type: 'completion', content: answerSentiment(body), delayMs: (number * 7) % 23 };
      });
      const tasks = Array.from({ length: 60 }, (_, index) => task(1000 + index, index % 3 === 0 ? `task ${index}: love it` : `task ${index}: terrible`));
      const response = await server.post('/predict', { ...predictRequest, tasks });
      expect(response.body.results).toHaveLength(60);
      response.body.results.forEach((prediction: any, index: number) => {
        expect(prediction.result[0].value.choices).toEqual([index % 3 === 0 ? 'Positive' : 'Negative']);
      });
      expect(openai.requests).toHaveLength(60);
    });

    it('matches labels by normalisation and abstains on anything else (after a repair call that repeats it)', async () => {
      openai.script(
        JSON.stringify({ sentiment: '  positive ' }),
        JSON.stringify({ sentiment: 'NEGATIVE.' }),
        JSON.stringify({ sentiment: 'Positiv' }),
        JSON.stringify({ sentiment: 'Positiv' }),
        JSON.stringify({ sentiment: 'Very happy' }),
        JSON.stringify({ sentiment: 'Very happy' }),
        '```json\n{"sentiment": "Neutral"}\n```',
        'I think the answer is {"sentiment": "Negative"} because the text complains.',
      );
      const tasks = [1, 2, 3, 4, 5, 6].map((id) => task(id, `text ${id}`));
      const response = await server.post('/predict', { ...predictRequest, tasks: tasks.slice(0, 1) });
      const answers = [response.body.results[0]];
      for (const next of tasks.slice(1)) answers.push((await server.post('/predict', { ...predictRequest, tasks: [next] })).body.results[0]);
      expect(answers.map((prediction: any) => prediction.result.map((result: any) => result.value.choices[0]))).toEqual([
        ['Positive'],
        ['Negative'],
        [],
        [],
        ['Neutral'],
        ['Negative'],
      ]);
    });

    it('fails only the task that fails: it gets result [] and its error is logged with its task id', async () => {
      openai.setHandler((body) =>
        userMessageOf(body).includes('poison') ? { type: 'error', status: 400, message: 'Invalid prompt' } : answerSentiment(body),
      );
      const tasks = [task(1, 'I love it'), task(2, 'poison'), task(3, 'terrible')];
      const response = await server.post('/predict', { ...predictRequest, tasks });
      expect(response.status).toBe(200);
      expect(response.body.results.map((prediction: any) => prediction.result.length)).toEqual([1, 0, 1]);
      const failure = server.logs.find((line) => line.msg === 'task failed; returning an empty prediction');
      expect(failure).toMatchObject({ taskId: 2, error: { code: 'PROVIDER_CALL_FAILED' } });
    });

    it('retries a 429 with retry-after, then answers', async () => {
      openai.script({ type: 'error', status: 429, headers: { 'retry-after-ms': '20' } });
      const response = await server.post('/predict', { ...predictRequest, tasks: [task(1, 'love')] });
      expect(response.body.results[0].result[0].value.choices).toEqual(['Positive']);
      expect(openai.requests).toHaveLength(2);
    });

    it('gives a task with no text an empty prediction, not an error for the batch', async () => {
      const response = await server.post('/predict', { ...predictRequest, tasks: [{ id: 5, data: {} }, task(6, 'love')] });
      expect(response.status).toBe(200);
      expect(response.body.results.map((prediction: any) => prediction.result.length)).toEqual([0, 1]);
      expect(server.logs.find((line) => line.taskId === 5)).toMatchObject({ error: { code: 'TASK_DATA_INVALID' } });
    });

    it('uses the labeling config from /setup when /predict carries none', async () => {
      await server.post('/setup', setupRequest);
      const { label_config: _omitted, ...withoutConfig } = predictRequest;
      const response = await server.post('/predict', withoutConfig);
      expect(response.status).toBe(200);
      expect(response.body.results).toHaveLength(2);
    });

    it('answers a config with nothing to fill with empty predictions and no model call', async () => {
      const imageOnly = '<View><Image name="image" value="$image"/><RectangleLabels name="box" toName="image"><Label value="Car"/></RectangleLabels></View>';
      const response = await server.post('/predict', { ...predictRequest, label_config: imageOnly, tasks: [{ id: 1, data: { image: 'x.png' } }] });
      expect(response.status).toBe(200);
      expect(response.body.results).toEqual([{ result: [], score: null, model_version: expect.any(String) }]);
      expect(openai.requests).toHaveLength(0);
      expect(server.logs.some((line) => line.msg === 'controls prelabel does not fill are skipped')).toBe(true);
    });

    it.each([
      ['malformed JSON', '{"tasks": [', 400, /JSON|Unexpected|invalid/i],
      ['a body that is not an object', '[1, 2]', 400, /JSON object/],
      ['a missing tasks list', JSON.stringify({ label_config: '<View/>' }), 400, /"tasks" is missing/],
      ['tasks that are not a list', JSON.stringify({ tasks: { data: {} }, label_config: '<View/>' }), 400, /tasks/],
      ['no labeling config at all', JSON.stringify({ tasks: [], project: '99.1' }), 400, /label_config/],
    ])('refuses %s with a JSON 400', async (_name, body, status, detail) => {
      const response = await server.post('/predict', body);
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ status, code: 'REQUEST_INVALID', detail: expect.stringMatching(detail) });
    });

    it.each([
      ['an external entity (XXE)', '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><View><Text name="text" value="&xxe;"/></View>'],
      [
        'billion laughs',
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><View><Text name="text" value="&lol3;"/></View>',
      ],
    ])('refuses a labeling config with %s', async (_name, labelConfig) => {
      const response = await server.post('/predict', { ...predictRequest, label_config: labelConfig });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'LABEL_CONFIG_INVALID', detail: expect.stringMatching(/DOCTYPE|ENTITY/i) });
      expect(openai.requests).toHaveLength(0);
    });

    it('accepts a large batch of long texts within the body limit', async () => {
      const longText = 'love '.repeat(4000);
      const tasks = Array.from({ length: 1000 }, (_, index) => task(index, longText));
      const response = await server.post('/predict', { ...predictRequest, tasks });
      expect(response.status).toBe(200);
      expect(response.body.results).toHaveLength(1000);
    });
  });

  describe('POST /webhook', () => {
    it.each([
      ['ANNOTATION_CREATED', readFixture('webhook-annotation-created.json')],
      ['ANNOTATIONS_CREATED (bulk)', { action: 'ANNOTATIONS_CREATED', annotation: [{ id: 1, task: 2, result: [] }], task: [{ id: 2, data: {} }], project: { id: 3 } }],
      ['ANNOTATIONS_DELETED', { action: 'ANNOTATIONS_DELETED', annotations: [{ id: 17 }], project: { id: 2 } }],
      ['START_TRAINING', { action: 'START_TRAINING', project: { id: 2, label_config: '<View/>' } }],
    ])('accepts %s at once with 201', async (_name, body) => {
      const response = await server.post('/webhook', body);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ result: null, status: 'ok' });
    });

    it.each([
      ['PROJECT_UPDATED', { action: 'PROJECT_UPDATED', project: { id: 2 } }],
      ['an unknown action', { action: 'SOMETHING_NEW' }],
      ['no action', { project: { id: 2 } }],
      ['a list', [1, 2, 3]],
      ['an empty object', {}],
    ])('answers %s at once with 200 Unknown event', async (_name, body) => {
      const response = await server.post('/webhook', body);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'Unknown event' });
    });

    it('answers malformed JSON with a 400, never a 500', async () => {
      const response = await server.post('/webhook', '{"action": ');
      expect(response.status).toBe(400);
    });
  });

  it('answers GET /metrics and 404s unknown routes', async () => {
    expect((await server.get('/metrics')).status).toBe(200);
    expect((await server.get('/versions')).status).toBe(404);
  });
});

describe('project YAML files through the server', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: answerSentiment });
  });
  afterAll(() => openai.close());
  afterEach(() => server.close());

  async function start(files: Record<string, string>) {
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: openai.baseURL, MY_KEY: 'sk-from-yaml-secret' } });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(server.projectsDirectory, name), text);
    openai.reset();
  }

  it('uses the seed prompt file unchanged for the project it names, and the default pipeline for other projects', async () => {
    await start({
      'seed.txt': readFileSync(path.join(__dirname, '..', '..', 'examples', 'sentiment', 'seed-prompt.txt'), 'utf8'),
      'sentiment.yaml': 'projects: [3]\nprovider:\n  model: gpt-4\n  api_key: ${MY_KEY}\nprompt:\n  template_file: seed.txt\n',
    });
    openai.setHandler(() => 'Positive\n');
    const response = await server.post('/predict', { ...predictRequest, tasks: [predictRequest.tasks[0]] });
    expect(response.body.results[0].result[0].value.choices).toEqual(['Positive']);
    const request = openai.requests[0]!;
    const body = request.body as any;
    expect(body.model).toBe('gpt-4');
    expect(body.response_format).toBeUndefined();
    expect(userMessageOf(body)).toBe(
      'Classify text into different categories. Start each category prediction in a new line.\nText: <text>\nI love this product!\n</text>\nCategories: Positive, Negative, Neutral\n',
    );
    expect(request.headers.authorization).toBe('Bearer sk-from-yaml-secret');

    openai.reset();
    openai.setHandler(answerSentiment);
    await server.post('/predict', { ...predictRequest, project: '4.1718035482', tasks: [predictRequest.tasks[0]] });
    expect((openai.requests[0]?.body as any).model).toBe('gpt-4o');
    expect(server.logText()).not.toContain('sk-from-yaml-secret');
  });

  it('applies an edited YAML file on the next request, with a new model_version, and keeps the last good one on a bad edit', async () => {
    const file = 'project.yaml';
    await start({ [file]: 'projects: [3]\nprovider:\n  model: gpt-4o\n  temperature: 0\n' });
    const first = (await server.post('/setup', setupRequest)).body.model_version;

    writeFileSync(path.join(server.projectsDirectory, file), 'projects: [3]\nprovider:\n  model: gpt-4o-mini\n  temperature: 0.5\n');
    const second = (await server.post('/setup', setupRequest)).body.model_version;
    expect(second).not.toBe(first);
    expect(second).toMatch(/^prelabel-gpt-4o-mini-/);
    await server.post('/predict', { ...predictRequest, tasks: [predictRequest.tasks[0]] });
    expect(openai.requests.find((request) => request.path === '/v1/chat/completions')?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.5 });

    writeFileSync(path.join(server.projectsDirectory, file), 'projects: [3]\nprovider:\n  model: gpt-4o\n  temprature: 0.5\n');
    const third = await server.post('/setup', setupRequest);
    expect(third.status).toBe(200);
    expect(third.body.model_version).toBe(second);
    const loud = server.logs.find((line) => line.level === 50 && String(JSON.stringify(line)).includes('temprature'));
    expect(JSON.stringify(loud)).toMatch(/project\.yaml:4/);
  });

  it('refuses /setup with the placeholder named when the prompt uses a field the config does not show', async () => {
    await start({ 'bad-prompt.yaml': 'projects: [3]\nprompt:\n  template: |\n    Classify: {body}\n' });
    const response = await server.post('/setup', setupRequest);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'PROMPT_TEMPLATE_INVALID', detail: expect.stringMatching(/bad-prompt\.yaml:4:\d+: placeholder \{body\}/) });
  });
});

describe('basic auth', () => {
  let server: TestServer;
  const authorization = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  afterEach(() => server.close());

  it('answers 401 with WWW-Authenticate on a wrong or missing password, and serves the right one', async () => {
    server = await startTestServer({ environment: { OPENAI_API_KEY: API_KEY }, authentication: { basicAuthUser: 'ls', basicAuthPassword: 'pw' } });
    for (const headers of [{} as Record<string, string>, { authorization: authorization('ls', 'wrong') }, { authorization: 'Bearer pw' }]) {
      const response = await server.get('/health', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
    expect((await server.get('/health', { authorization: authorization('ls', 'pw') })).status).toBe(200);
    expect((await server.post('/webhook', { action: 'ANNOTATION_CREATED' })).status).toBe(401);
  });

  it('lets Label Studio webhooks in with the webhook token header', async () => {
    server = await startTestServer({
      environment: { OPENAI_API_KEY: API_KEY },
      authentication: { basicAuthUser: 'ls', basicAuthPassword: 'pw', webhookToken: 'hook-token' },
    });
    expect((await server.post('/webhook', { action: 'ANNOTATION_CREATED' }, { 'x-prelabel-webhook-token': 'hook-token' })).status).toBe(200);
    expect((await server.post('/webhook', { action: 'ANNOTATION_CREATED' }, { 'x-prelabel-webhook-token': 'nope' })).status).toBe(401);
    expect((await server.post('/webhook', { action: 'START_TRAINING' }, { authorization: authorization('ls', 'pw') })).status).toBe(200);
    expect((await server.post('/predict', { tasks: [] }, { 'x-prelabel-webhook-token': 'hook-token' })).status).toBe(401);
  });
});
