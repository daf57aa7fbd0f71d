import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

const predictRequest = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'label-studio', 'predict-request.json'), 'utf8'));
const task = { ...predictRequest.tasks[0], id: 1, data: { text: 'Not bad at all.' } };

describe('confidence scores', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer();
  });
  afterAll(() => openai.close());
  afterEach(() => server.close());

  async function start(yaml: string) {
    openai.reset();
    const projectsDirectory = mkdtempSync(path.join(tmpdir(), 'prelabel-confidence-'));
    writeFileSync(path.join(projectsDirectory, 'project.yaml'), yaml);
    server = await startTestServer({ projectsDirectory, environment: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL } });
  }

  it("is the chosen label's probability from the provider's token log-probabilities", async () => {
    await start('default: true\n');
    // The answer `{"sentiment":"Positive"}` in tokens; only the label's tokens count: 0.9 × 0.8 = 0.72.
    openai.script({
      type: 'completion',
      content: '{"sentiment":"Positive"}',
      logprobs: [
        { token: '{"', logprob: Math.log(0.5) },
        { token: 'sentiment', logprob: Math.log(0.5) },
        { token: '":"', logprob: Math.log(0.5) },
        { token: 'Posit', logprob: Math.log(0.9) },
        { token: 'ive', logprob: Math.log(0.8) },
        { token: '"}', logprob: Math.log(0.5) },
      ],
    });
    const response = await server.post('/predict', { ...predictRequest, tasks: [task] });
    expect(response.body.results[0].score).toBeCloseTo(0.72, 10);
    expect((openai.requests[0]?.body as { logprobs?: boolean }).logprobs).toBe(true);
  });

  it('is null, never made up, when the provider gives no log-probabilities', async () => {
    await start('default: true\nconfidence: { method: none }\n');
    const response = await server.post('/predict', { ...predictRequest, tasks: [task] });
    expect(response.body.results[0].score).toBeNull();
    expect((openai.requests[0]?.body as { logprobs?: boolean }).logprobs).toBeUndefined();
  });

  it('is the agreement of k samples with self-consistency, which answers with the majority', async () => {
    await start('default: true\nconfidence: { method: self-consistency, samples: 4 }\nprovider: { temperature: 0 }\n');
    openai.script(
      JSON.stringify({ sentiment: 'Positive' }),
      JSON.stringify({ sentiment: 'Neutral' }),
      JSON.stringify({ sentiment: 'Positive' }),
      JSON.stringify({ sentiment: 'Positive' }),
    );
    const response = await server.post('/predict', { ...predictRequest, tasks: [task] });
    expect(openai.requests).toHaveLength(4);
    expect(openai.requests.every((request) => (request.body as { temperature: number }).temperature === 0.7)).toBe(true);
    expect(response.body.results[0].result[0].value.choices).toEqual(['Positive']);
    expect(response.body.results[0].score).toBe(0.75);
  });

  it("gives each span region its label's probability", async () => {
    await start('default: true\n');
    const content = '{"ner":[{"label":"PER","text":"Obama","context":"President Obama"},{"label":"LOC","text":"Berlin","context":"in Berlin"}]}';
    const pieces: Array<[string, number]> = [
      ['{"ner":[{"label":"', 0.5],
      ['PER', 0.6],
      ['","text":"Obama","context":"President Obama"},{"label":"', 0.5],
      ['LOC', 0.9],
      ['","text":"Berlin","context":"in Berlin"}]}', 0.5],
    ];
    expect(pieces.map(([token]) => token).join('')).toBe(content);
    openai.script({ type: 'completion', content, logprobs: pieces.map(([token, probability]) => ({ token, logprob: Math.log(probability) })) });
    const config = '<View><Text name="text" value="$text"/><Labels name="ner" toName="text"><Label value="PER"/><Label value="LOC"/></Labels></View>';
    const response = await server.post('/predict', { ...predictRequest, label_config: config, tasks: [{ id: 1, data: { text: 'President Obama is in Berlin.' } }] });
    const [prediction] = response.body.results;
    expect(prediction.result.map((result: any) => [result.value.text, result.score])).toEqual([
      ['Obama', expect.closeTo(0.6, 10)],
      ['Berlin', expect.closeTo(0.9, 10)],
    ]);
    expect(prediction.score).toBeCloseTo(0.6, 10);
  });
});
