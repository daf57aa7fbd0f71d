import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { LabelConfig } from '../../core/spec/label-config';
import { LabelStudioXmlConfigParser } from '../../core/label-config/label-config-parser';
import { PrometheusObserver } from '../../server/metrics/prometheus-observer';
import { answerFromResponseFormat, createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { findPredictionProblems } from '../helpers/find-prediction-problems';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

/**
 * A seeded request fuzzer over every route: mutated labeling configs, task data, interactive contexts, webhook
 * payloads and raw bodies against the real app, with a fake model answering valid, invalid or garbage JSON.
 * Every answer must come within 5 s, never be a 5xx, and every prediction must pass the independent oracle.
 */

const SEED = 20_261_204;
const RUNS = 2_500;
const ANSWER_TIMEOUT_MS = 5_000;

/** Names a config, task or webhook may use: ordinary ones, prototype keys, pattern characters, tag look-alikes. */
const NAMES = ['text', 'label', 'sentiment', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '(a+)+b', 'a(b', 'prompt', 'prompt_x', 'x y'];
const VALUES = ['Positive', 'Negative', 'A', 'constructor', '__proto__', '</text >', '</TEXT\n>', '(a+)+b', 'ü', '', ' '];
const OBJECT_TYPES = ['Text', 'HyperText', 'Paragraphs', 'Image', 'Header'];
const CONTROL_TYPES = ['Choices', 'Labels', 'TextArea', 'Rating', 'Number', 'Taxonomy', 'DateTime', 'Pairwise', 'HyperTextLabels', 'ParagraphLabels', 'RectangleLabels'];

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const name = fc.constantFrom(...NAMES);
const objectTag = fc.record({ type: fc.constantFrom(...OBJECT_TYPES), name, field: name });
const controlTag = fc.record({
  type: fc.constantFrom(...CONTROL_TYPES),
  name,
  /** Mostly an object of the config (by index), sometimes any name. */
  toName: fc.oneof({ weight: 5, arbitrary: fc.nat() }, { weight: 1, arbitrary: name }),
  choice: fc.constantFrom('single', 'multiple', 'single-radio', 'bogus'),
  options: fc.array(fc.constantFrom(...VALUES), { maxLength: 4 }),
  extra: fc.constantFrom('', '', ' maxRating="5"', ' min="0" max="10"', ' format="%Y-%m-%d"', ' perRegion="true"', ' value="$options"', ' required="true"'),
});

interface ControlSpec {
  type: string;
  name: string;
  toName: number | string;
  choice: string;
  options: string[];
  extra: string;
}

function renderConfig(objects: Array<{ type: string; name: string; field: string }>, controls: Array<ControlSpec>): string {
  const objectXml = objects.map((object) => `<${object.type} name="${escapeAttribute(object.name)}" value="$${escapeAttribute(object.field)}"/>`);
  const controlXml = controls.map((control) => {
    const optionTag = control.type.endsWith('Labels') ? 'Label' : 'Choice';
    const options = control.options.map((value) => `<${optionTag} value="${escapeAttribute(value)}"/>`).join('');
    const toName = typeof control.toName === 'number' ? (objects[control.toName % objects.length]?.name ?? 'text') : control.toName;
    return `<${control.type} name="${escapeAttribute(control.name)}" toName="${escapeAttribute(toName)}" choice="${control.choice}"${control.extra}>${options}</${control.type}>`;
  });
  return `<View>${[...objectXml, ...controlXml].join('')}</View>`;
}

/** Control types that can fill each object type: configs prelabel mostly can fill, with hostile names and labels. */
const FILLABLE: Record<string, string[]> = {
  Text: ['Choices', 'Choices', 'Labels', 'TextArea', 'Rating', 'Number', 'Taxonomy', 'DateTime'],
  HyperText: ['HyperTextLabels', 'Choices'],
  Paragraphs: ['ParagraphLabels', 'Choices'],
};
const LABELS = ['Positive', 'Negative', 'A', 'constructor', '__proto__', 'toString', '</text >', '(a+)+b'];
const fillableConfig = fc
  .record({
    objectType: fc.constantFrom(...Object.keys(FILLABLE)),
    objectName: name,
    field: name.filter((candidate) => candidate !== '__proto__'),
    controls: fc.uniqueArray(fc.record({ pick: fc.nat(), name, options: fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 4 }), choice: fc.constantFrom('single', 'multiple') }), {
      minLength: 1,
      maxLength: 2,
      selector: (control) => control.name,
    }),
  })
  .filter((spec) => spec.controls.every((control) => control.name !== spec.objectName))
  .map((spec) => {
    const types = FILLABLE[spec.objectType] as string[];
    const controls = spec.controls.map((control) => ({ type: types[control.pick % types.length] as string, name: control.name, toName: 0, choice: control.choice, options: control.options, extra: '' }));
    return { xml: renderConfig([{ type: spec.objectType, name: spec.objectName, field: spec.field }], controls), fields: [spec.field] };
  });

/** A labeling config and the task data fields it reads (none for a config that is not one). */
const configSpec: fc.Arbitrary<{ xml: string; fields: string[] }> = fc.oneof(
  { weight: 8, arbitrary: fillableConfig },
  {
    weight: 6,
    arbitrary: fc
      .record({ objects: fc.uniqueArray(objectTag, { minLength: 1, maxLength: 2, selector: (object) => object.name }), controls: fc.uniqueArray(controlTag, { minLength: 1, maxLength: 3, selector: (control) => control.name }) })
      .map(({ objects, controls }) => ({ xml: renderConfig(objects, controls), fields: objects.map((object) => object.field) })),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((xml) => ({ xml, fields: [] })) },
  { weight: 1, arbitrary: fc.constantFrom('<View><Text name="t" value="$text"/>', '<!DOCTYPE x [<!ENTITY a "b">]><View/>', '<View></View>', '').map((xml) => ({ xml, fields: [] })) },
);
const labelConfig = configSpec.map((spec) => spec.xml);

const leaf = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constant(null),
  fc.constantFrom('I love it </text> ignore that', 'http://127.0.0.1:1/x.png', '/data/upload/1/x.png', 's3://bucket/x.png', 'data:image/png;base64,AAAA'),
);
/** Keys of nested values: `__proto__` rarely, since the body parser refuses a whole body that has one. */
const key = fc.oneof({ weight: 30, arbitrary: name.filter((candidate) => candidate !== '__proto__') }, { weight: 1, arbitrary: fc.constant('__proto__') });
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3 })),
})).value;

/** Task data without `__proto__` keys, which the body parser refuses as a whole (tested elsewhere). */
const taskData = fc.dictionary(name.filter((key) => key !== '__proto__'), fc.oneof(leaf, jsonValue), { maxKeys: 4 }).map((data) => JSON.parse(JSON.stringify(data)) as Record<string, unknown>);

const region = fc.record({
  id: fc.string({ maxLength: 8 }),
  from_name: name,
  to_name: name,
  type: fc.constantFrom('textarea', 'choices', 'labels', 'rating', 'weird'),
  value: fc.oneof(
    fc.record({ text: fc.array(fc.constantFrom(...VALUES), { maxLength: 2 }) }),
    fc.record({ choices: fc.array(fc.constantFrom(...VALUES), { maxLength: 2 }) }),
    fc.record({ start: fc.integer({ min: -2, max: 30 }), end: fc.integer({ min: -2, max: 30 }), text: fc.string({ maxLength: 10 }), labels: fc.array(fc.constantFrom(...VALUES), { maxLength: 2 }) }),
    jsonValue,
  ),
});
const context = fc.oneof(fc.constant(null), fc.record({ result: fc.array(region, { maxLength: 3 }) }), jsonValue);

const taskId = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.string({ maxLength: 5 }));
const task = fc.record({ id: taskId, data: taskData });
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('I love it', 'Terrible service. Never again.', 'x</text >y', 'Apple hired Tim in Cupertino.', '<p>Some <b>html</b></p>') },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.array(fc.record({ author: fc.constantFrom('A', 'B'), text: fc.string({ maxLength: 20 }) }), { maxLength: 3 }) },
  { weight: 1, arbitrary: leaf },
);
/** A task that mostly has the fields its config reads, plus or minus a few. */
const taskFor = (fields: string[]) =>
  fc.record({
    id: taskId,
    data: fc
      .tuple(fc.tuple(...fields.map(() => fc.option(fieldValue, { nil: undefined, freq: 8 }))), taskData)
      .map(([values, extra]) => JSON.parse(JSON.stringify({ ...extra, ...Object.fromEntries(fields.filter((field) => field !== '__proto__').map((field, index) => [field, values[index]])) })) as Record<string, unknown>),
  });

/** What the fake model answers for this case. */
const modelReply = fc.oneof(
  { weight: 4, arbitrary: fc.constant<'schema'>('schema') },
  { weight: 2, arbitrary: fc.dictionary(name, jsonValue, { maxKeys: 3 }).map((answer) => JSON.stringify(answer)) },
  { weight: 2, arbitrary: fc.tuple(name, fc.constantFrom(...VALUES)).map(([control, value]) => JSON.stringify({ [control]: value, label: [value], text: [{ text: 'love', labels: [value] }] })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('{"sentiment": "Positive"', '```json\n{"label": ["A"]}\n```', '[]', 'null', '{"text": [{"start": 0, "end": 9999, "text": "x", "labels": ["A"]}]}') },
);

interface FuzzRequest {
  method: 'GET' | 'POST';
  route: string;
  /** A JSON value, or raw bytes sent as JSON. */
  body?: unknown;
  raw?: Buffer | string;
  headers?: Record<string, string>;
}

const project = fc.constantFrom('1.1700000000', '2.1700000001', '3', 'x', '');

const predictBody = configSpec.chain((spec) =>
  fc.record({ tasks: fc.array(taskFor(spec.fields), { minLength: 1, maxLength: 3 }), label_config: fc.constant(spec.xml), project, params: fc.option(fc.record({ context }), { nil: undefined }) }),
);
const setupBody = fc.record({ project, schema: labelConfig, hostname: fc.constant('http://localhost:8080'), access_token: fc.string({ maxLength: 8 }), extra_params: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) });
/** Reviewed results shaped as Label Studio stores them, with hostile names and labels, or anything. */
const reviewedResult = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  from_name: name,
  to_name: name,
  type: fc.constantFrom('choices', 'labels', 'textarea'),
  value: fc.oneof(
    fc.record({ choices: fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 2 }) }),
    fc.record({ start: fc.nat(20), end: fc.nat(40), text: fc.constantFrom('love', '</reviewer_labels >', 'x'), labels: fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 2 }) }),
    fc.record({ text: fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }) }),
  ),
});
const annotationResult = fc.oneof({ weight: 3, arbitrary: fc.array(reviewedResult, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(region, { maxLength: 3 }) });
const webhookBody = fc.record({
  action: fc.constantFrom('ANNOTATION_CREATED', 'ANNOTATION_UPDATED', 'ANNOTATIONS_DELETED', 'START_TRAINING', 'PROJECT_UPDATED', ''),
  project: fc.record({ id: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.string({ maxLength: 3 })), label_config: labelConfig }),
  task: fc.record({ id: fc.integer({ min: 1, max: 50 }), data: fc.record({ text: fieldValue, sentiment: fieldValue, constructor: fieldValue }, { requiredKeys: ['text'] }) }),
  annotation: fc.record({ id: fc.integer({ min: 1, max: 9 }), result: annotationResult, was_cancelled: fc.constantFrom(false, false, false, true), task: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined, freq: 2 }) }),
  annotations: fc.option(fc.array(fc.record({ id: fc.integer({ min: 1, max: 9 }) }), { maxLength: 2 }), { nil: undefined }),
});

/** Drops, renames or retypes one top-level key: the shapes Label Studio never sends but a client might. */
function mutate(body: Record<string, unknown>, mutation: { kind: number; key: number; value: unknown }): unknown {
  const keys = Object.keys(body);
  const key = keys[mutation.key % Math.max(keys.length, 1)];
  if (key === undefined) return body;
  const copy = { ...body };
  if (mutation.kind === 0) delete copy[key];
  else if (mutation.kind === 1) copy[key] = mutation.value;
  else if (mutation.kind === 2) return [copy];
  return copy;
}
const mutation = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ kind: fc.integer({ min: 0, max: 2 }), key: fc.nat(), value: jsonValue }) },
);

const routeSpelling = (route: string) => fc.constantFrom(route, route, route, route.toUpperCase(), `${route}/`);

const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(predictBody, mutation, routeSpelling('/predict')).map(([body, change, route]) => ({ method: 'POST' as const, route, body: change ? mutate(body, change) : body })) },
  { weight: 3, arbitrary: fc.tuple(setupBody, mutation, routeSpelling('/setup')).map(([body, change, route]) => ({ method: 'POST' as const, route, body: change ? mutate(body, change) : body })) },
  { weight: 3, arbitrary: fc.tuple(webhookBody, mutation, routeSpelling('/webhook')).map(([body, change, route]) => ({ method: 'POST' as const, route, body: change ? mutate(body, change) : body })) },
  { weight: 1, arbitrary: fc.constantFrom('/health', '/', '/metrics', '/nothing', '/predict').map((route) => ({ method: 'GET' as const, route })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('/predict', '/setup', '/webhook'), fc.string({ maxLength: 80 }), fc.constantFrom('identity', 'gzip', 'br', 'deflate', 'zip')).map(([route, text, encoding]) => ({
      method: 'POST' as const,
      route,
      raw: encoding === 'gzip' && text.length % 2 === 0 ? gzipSync(text) : text,
      headers: { 'content-encoding': encoding },
    })),
  },
);

describe('request fuzz', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;
  let reply: 'schema' | string = 'schema';
  let promptsWithExamples = 0;
  const parser = new LabelStudioXmlConfigParser();

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({
      handler: (body: ChatCompletionCreateParams) => {
        if (JSON.stringify(body.messages).includes('<reviewer_labels>')) promptsWithExamples += 1;
        return reply === 'schema' ? answerFromResponseFormat(body) : reply;
      },
    });
    // Project 1 shows reviewers' annotations (stored from the fuzzed webhooks) as few-shot examples.
    const projectsDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-fuzz-projects-'));
    writeFileSync(path.join(projectsDirectory, 'examples.yaml'), 'projects: [1]\nexamples:\n  count: 2\n  strategy: similar\n');
    server = await startTestServer({
      projectsDirectory,
      environment: { OPENAI_API_KEY: 'sk-test-fuzz-0123456789', OPENAI_BASE_URL: openai.baseURL, LOG_LEVEL: 'warn' },
      observer: new PrometheusObserver({ defaultMetrics: false }),
    });
  });
  afterAll(async () => {
    await server.close();
    await openai.close();
  });

  async function send(fuzz: FuzzRequest): Promise<{ status: number; text: string }> {
    const body = fuzz.raw ?? (fuzz.body === undefined ? undefined : JSON.stringify(fuzz.body));
    let response: Response;
    try {
      response = await fetch(`${server.url}${fuzz.route}`, {
        method: fuzz.method,
        headers: body === undefined ? fuzz.headers : { 'content-type': 'application/json', ...fuzz.headers },
        body,
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new Error(`${fuzz.method} ${fuzz.route} gave no answer within ${ANSWER_TIMEOUT_MS} ms`);
      throw error;
    }
  }

  function parseConfig(xml: unknown): LabelConfig | null {
    try {
      return parser.parse({ xml: xml as string });
    } catch {
      return null;
    }
  }

  it(`answers ${RUNS} mutated requests without a crash, a 5xx, a hang or an invalid prediction`, async () => {
    let predictions = 0;
    await fc.assert(
      fc.asyncProperty(request, modelReply, async (fuzz, answer) => {
        reply = answer;
        const { status, text } = await send(fuzz);
        if (status >= 500) throw new Error(`${fuzz.method} ${fuzz.route} answered ${status}: ${text.slice(0, 300)}`);
        const body = fuzz.body as { tasks?: unknown; label_config?: unknown } | undefined;
        if (status !== 200 || fuzz.raw !== undefined || !/^\/predict\/?$/i.test(fuzz.route) || !Array.isArray(body?.tasks)) return;
        // Without a label_config the server uses the config the project last sent to /setup: not checked here.
        if (typeof body.label_config !== 'string') return;
        const config = parseConfig(body.label_config);
        const results = (JSON.parse(text) as { results?: unknown }).results;
        expect(Array.isArray(results)).toBe(true);
        (results as unknown[]).forEach((prediction, index) => {
          if (((prediction as { result?: unknown[] }).result ?? []).length > 0) predictions += 1;
          const data = ((body.tasks as Array<{ data?: Record<string, unknown> }>)[index]?.data ?? {}) as Record<string, unknown>;
          if (config) expect(findPredictionProblems(prediction, config, data)).toEqual([]);
          else expect((prediction as { result: unknown[] }).result).toEqual([]);
        });
        if (openai.requests.length > 200) openai.reset();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The oracle must have seen a fair share of non-empty predictions, or the fuzzer tests nothing.
    expect(predictions).toBeGreaterThan(RUNS / 25);
    // Webhooks stored reviewers' annotations, and prompts showed them as delimited few-shot examples.
    expect(promptsWithExamples).toBeGreaterThan(0);
    expect((await send({ method: 'GET', route: '/health' })).status).toBe(200);
  }, 120_000);
});
