import { createFakeOpenAIServer, type FakeOpenAIServer } from '../fake-openai-server';
import { LabelStudioXmlConfigParser } from '../../core/label-config/label-config-parser';
import { findPredictionProblems } from '../helpers/find-prediction-problems';
import { userMessageOf } from '../helpers/sentiment-handler';
import { startTestServer, type TestServer } from '../helpers/start-test-server';

const CONFIG = `<View>
  <Text name="text" value="$text"/>
  <Choices name="topic" toName="text" choice="multiple">
    <Choice value="technology"/><Choice value="business"/><Choice value="sports"/>
  </Choices>
  <TextArea name="prompt" toName="text" editable="true" rows="2" maxSubmissions="1" showSubmitButton="false"/>
</View>`;

const TASK = {
  id: 102644832,
  annotations: [],
  drafts: [],
  predictions: [],
  data: { text: 'Apple shares rose after the launch of a new watch.' },
  meta: {},
  project: 62053,
};

function interactiveRequest(contextResult: unknown[]) {
  return {
    tasks: [TASK],
    project: '62053.1712586036',
    label_config: CONFIG,
    params: { login: null, password: null, context: { annotation_id: null, draft_id: 0, user_id: 2640, result: contextResult } },
  };
}

const PROMPT_ITEM = {
  value: { text: ['Classify the topics of this headline'] },
  id: 'p_1',
  from_name: 'prompt',
  to_name: 'text',
  type: 'textarea',
  origin: 'manual',
};

describe('interactive pre-annotation (params.context)', () => {
  let openai: FakeOpenAIServer;
  let server: TestServer;

  beforeAll(async () => {
    openai = await createFakeOpenAIServer({ handler: () => JSON.stringify({ topic: ['technology', 'business'] }) });
  });
  afterAll(() => openai.close());
  beforeEach(async () => {
    openai.reset();
    server = await startTestServer({ environment: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL } });
  });
  afterEach(() => server.close());

  it("uses the annotator's prompt as the instruction, answers with one prediction and echoes the prompt", async () => {
    const response = await server.post('/predict', interactiveRequest([PROMPT_ITEM]));
    expect(response.status).toBe(200);
    expect(response.body.results).toHaveLength(1);
    const [prediction] = response.body.results;
    expect(Array.isArray(prediction)).toBe(false);
    expect(prediction.result).toEqual([
      { id: expect.any(String), from_name: 'topic', to_name: 'text', type: 'choices', value: { choices: ['technology', 'business'] } },
      { id: expect.any(String), from_name: 'prompt', to_name: 'text', type: 'textarea', value: { text: ['Classify the topics of this headline'] } },
    ]);
    const user = userMessageOf(openai.requests[0]!.body as any);
    expect(user).toMatch(/^Instruction from the annotator for this task: Classify the topics of this headline/);
    expect(user).toContain('<text>\nApple shares rose');
    const schema = (openai.requests[0]!.body as any).response_format.json_schema.schema;
    expect(Object.keys(schema.properties)).toEqual(['topic']);
  });

  it('passes the regions the annotator drew as hints and never repeats them', async () => {
    const drawn = { value: { choices: ['technology', 'business'] }, id: 'c_1', from_name: 'topic', to_name: 'text', type: 'choices', origin: 'manual' };
    const response = await server.post('/predict', interactiveRequest([PROMPT_ITEM, drawn]));
    const user = userMessageOf(openai.requests[0]!.body as any);
    expect(user).toContain('The annotator already marked these');
    expect(user).toContain('topic: {"choices":["technology","business"]}');
    expect(response.body.results[0].result.map((result: { from_name: string }) => result.from_name)).toEqual(['prompt']);
  });

  it('treats an empty context like a batch call', async () => {
    const response = await server.post('/predict', { ...interactiveRequest([]), params: { context: null } });
    expect(response.body.results[0].result.map((result: { from_name: string }) => result.from_name)).toEqual(['topic']);
    expect(userMessageOf(openai.requests[0]!.body as any)).not.toContain('Instruction from the annotator');
  });

  it.each([
    ['a prompt TextArea the config does not have', { ...PROMPT_ITEM, from_name: 'prompt_missing' }],
    ['the prompt TextArea pointed at an object it does not label', { ...PROMPT_ITEM, to_name: 'image' }],
  ])('never echoes a result invalid for the config: %s', async (_case, item) => {
    const response = await server.post('/predict', interactiveRequest([item]));
    expect(response.status).toBe(200);
    const [prediction] = response.body.results;
    const config = new LabelStudioXmlConfigParser().parse({ xml: CONFIG });
    expect(findPredictionProblems(prediction, config, TASK.data)).toEqual([]);
    expect(prediction.result.every((result: { from_name: string }) => result.from_name !== 'prompt_missing')).toBe(true);
  });
});
