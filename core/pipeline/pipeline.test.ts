import { messageText, type LanguageModelCallOptions } from '../spec/language-model';
import { FakeLanguageModel, type FakeAnswer } from '../../test/helpers/fake-language-model';
import { createTestPipeline } from '../../test/helpers/create-test-pipeline';
import { silentLogger, type Logger } from '../spec/logger';
import type { ProjectPipeline as Pipeline } from '../spec/project-pipeline';
import type { ProjectSettings } from '../spec/project-settings';
import { silentObserver, type PipelineObserver } from '../spec/pipeline-observer';
import { createDefaultProjectSettings } from '../../config/default-project-settings';

const CONFIG = `<View><Text name="text" value="$text"/>
<Choices name="sentiment" toName="text"><Choice value="Positive"/><Choice value="Negative"/></Choices>
<Choices name="topics" toName="text" choice="multiple"><Choice value="Sports"/><Choice value="Politics"/></Choices>
<Choices name="per_region" toName="text" perRegion="true"><Choice value="x"/></Choices></View>`;

/** What the shared fake model answers each call with (the core test tier's model: test/helpers/fake-language-model.ts). */
let answer: (options: LanguageModelCallOptions) => FakeAnswer | Promise<FakeAnswer> = () => ({ text: '{}' });
let model: FakeLanguageModel;

function buildPipeline(settings: ProjectSettings, logger: Logger = silentLogger, config = CONFIG, observer: PipelineObserver = silentObserver): Pipeline {
  return createTestPipeline({ model, settings, labelConfigXml: config, logger, observer });
}

function settings(change: (base: ProjectSettings) => void = () => {}): ProjectSettings {
  const base = createDefaultProjectSettings({});
  base.provider = { ...base.provider, name: 'scripted', model: 'scripted-1' };
  base.retry = { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1 };
  change(base);
  return base;
}

const userText = (options: LanguageModelCallOptions) => messageText(options.messages.find((message) => message.role === 'user') ?? { role: 'user', content: '' });

beforeEach(() => {
  answer = () => ({ text: '{}' });
  model = new FakeLanguageModel({ provider: 'scripted', modelId: 'scripted-1', answer: (options) => answer(options) });
});

describe('Pipeline', () => {
  it('fills several controls with one call per task, and skips what it cannot fill', async () => {
    answer = () => ({ text: '{"sentiment": "Negative", "topics": ["Politics", "Sports"]}' });
    const pipeline = buildPipeline(settings());
    expect(pipeline.targets.map((target) => target.control.name)).toEqual(['sentiment', 'topics']);
    expect(pipeline.skipped).toEqual([
      { control: 'per_region', tag: '<Choices name="per_region"> on <Text name="text">', reason: expect.stringContaining('perRegion') },
    ]);
    const [outcome] = await pipeline.predictAll([{ id: 1, data: { text: 'x' } }]);
    expect(model.generateCalls).toHaveLength(1);
    expect(outcome?.prediction.result.map((result) => [result.from_name, result.value])).toEqual([
      ['sentiment', { choices: ['Negative'] }],
      ['topics', { choices: ['Sports', 'Politics'] }],
    ]);
    expect(model.generateCalls[0]?.responseFormat).toMatchObject({ type: 'json', mode: 'json_schema', schema: { required: ['sentiment', 'topics'] } });
  });

  it.each([
    ['a truncated answer', { text: '{"sentiment": "Neg', finishReason: { unified: 'length' as const, raw: 'length' } }, 'truncated'],
    ['a refusal', { text: '', refusal: 'I cannot help with that.' }, 'refused'],
    ['a filtered answer', { text: '', finishReason: { unified: 'content-filter' as const, raw: 'content_filter' } }, 'content-filter'],
  ])('turns %s into a failed task with a reason, never a crash', async (_name, badAnswer, reason) => {
    answer = (options) => (userText(options).includes('bad') ? badAnswer : { text: '{"sentiment": "Positive", "topics": []}' });
    const pipeline = buildPipeline(settings());
    const outcomes = await pipeline.predictAll([{ id: 1, data: { text: 'good' } }, { id: 2, data: { text: 'bad' } }]);
    expect(outcomes[0]?.prediction.result).toHaveLength(1);
    expect(outcomes[1]?.prediction.result).toEqual([]);
    expect(outcomes[1]?.error).toMatchObject({ code: 'RESPONSE_UNUSABLE', reason });
  });

  it('runs at most `concurrency` calls at once and keeps task order', async () => {
    let running = 0;
    let peak = 0;
    const pipeline = buildPipeline(settings((base) => void (base.concurrency = 3)));
    answer = async (options) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, Number(/n(\d+)/.exec(userText(options))?.[1]) % 5));
      running -= 1;
      return { text: JSON.stringify({ sentiment: Number(/n(\d+)/.exec(userText(options))?.[1]) % 2 ? 'Negative' : 'Positive', topics: [] }) };
    };
    const tasks = Array.from({ length: 20 }, (_, index) => ({ id: index, data: { text: `n${index}` } }));
    const outcomes = await pipeline.predictAll(tasks);
    expect(peak).toBe(3);
    expect(outcomes.map((outcome) => outcome.prediction.result[0]?.value)).toEqual(
      tasks.map((_, index) => ({ choices: [index % 2 ? 'Negative' : 'Positive'] })),
    );
  });

  it('derives model_version from what decides answers only', () => {
    const version = (change?: (base: ProjectSettings) => void) => buildPipeline(settings(change)).modelVersion;
    const base = version();
    expect(version()).toBe(base);
    expect(version((s) => void (s.provider.apiKey = 'sk-secret'))).toBe(base);
    expect(version((s) => void (s.concurrency = 99))).toBe(base);
    expect(version((s) => void (s.retry.maxRetries = 7))).toBe(base);
    expect(version((s) => void (s.provider.temperature = 0.7))).not.toBe(base);
    expect(version((s) => void (s.prompt.instructions = 'Be careful.'))).not.toBe(base);
    expect(version((s) => void (s.provider.model = 'scripted-1'))).toMatch(/^prelabel-scripted-1-[0-9a-f]{12}$/);
  });
});

describe('Pipeline with long texts', () => {
  const NER_CONFIG = '<View><Text name="text" value="$text"/><Labels name="ner" toName="text"><Label value="PER"/><Label value="LOC"/></Labels></View>';

  it('splits a long text into chunks, one call each, and merges the spans without duplicates', async () => {
    const sentences = Array.from({ length: 30 }, (_, index) => (index % 7 === 3 ? `Sentence ${index} mentions Ada Lovelace in 東京 😀.` : `Sentence ${index} is filler text.`));
    const text = sentences.join(' ');
    answer = (options) => {
      const chunk = /<text>\n([\s\S]*)\n<\/text>/.exec(userText(options))?.[1] ?? '';
      const mentions = [...chunk.matchAll(/Ada Lovelace in 東京/g)].flatMap(() => [
        { label: 'PER', text: 'Ada Lovelace', context: 'mentions Ada Lovelace in' },
        { label: 'LOC', text: '東京', context: 'in 東京 😀' },
      ]);
      return { text: JSON.stringify({ ner: mentions }) };
    };
    const pipeline = buildPipeline(settings((base) => void (base.chunking = { maxCharacters: 200, overlapCharacters: 60 })), silentLogger, NER_CONFIG);
    const [outcome] = await pipeline.predictAll([{ id: 1, data: { text } }]);
    expect(model.generateCalls.length).toBeGreaterThan(3);
    const codePoints = [...text];
    const expected = [...text.matchAll(/Ada Lovelace in 東京/g)].flatMap((match) => {
      const start = [...text.slice(0, match.index)].length;
      return [
        { start, end: start + 12, text: 'Ada Lovelace', labels: ['PER'] },
        { start: start + 16, end: start + 18, text: '東京', labels: ['LOC'] },
      ];
    });
    const spans = outcome?.prediction.result.map((result) => result.value) ?? [];
    expect(spans.sort((left: any, right: any) => left.start - right.start)).toEqual(expected);
    for (const span of spans as any[]) expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
  });
});

describe('Pipeline reports', () => {
  it('counts dropped results and settled tasks by status', async () => {
    const dropped: string[][] = [];
    const statuses: string[] = [];
    const observer: PipelineObserver = {
      ...silentObserver,
      resultsDropped: ({ reasons }) => void dropped.push(reasons),
      taskSettled: ({ status }) => void statuses.push(status),
    };
    answer = () => ({ text: JSON.stringify({ ner: [{ label: 'PER', text: 'Nobody Here', context: 'Nobody Here' }, { label: 'PER', text: 'Ada', context: 'Ada' }] }) });
    const config = '<View><Text name="text" value="$text"/><Labels name="ner" toName="text"><Label value="PER"/></Labels></View>';
    const pipeline = buildPipeline(settings(), silentLogger, config, observer);
    const [outcome] = await pipeline.predictAll([{ id: 1, data: { text: 'Ada wrote the first program.' } }]);
    expect(outcome?.prediction.result.map((result) => result.value.text)).toEqual(['Ada']);
    expect(dropped).toEqual([[expect.stringContaining('Nobody Here')]]);
    expect(statuses).toEqual(['answered']);
  });
});
