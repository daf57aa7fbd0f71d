import { ProviderCallError } from '../errors';
import { silentObserver, type PipelineObserver } from '../spec/pipeline-observer';
import type { ProviderSettings } from '../spec/project-settings';
import { InMemoryResponseCache } from '../../test/helpers/in-memory-response-cache';
import { createRecordingLogger } from '../../test/helpers/recording-logger';
import { FakeLanguageModel, userCall, type FakeAnswer } from '../../test/helpers/fake-language-model';
import { AnswerCache } from './answer-cache';
import { composeModelCalls } from './compose-model-calls';
import { ProviderGate } from './provider-gate';

const provider = (name: string): ProviderSettings => ({ name, model: `${name}-model`, timeoutMs: 10_000 }) as ProviderSettings;

function compose(answers: Array<(options: unknown, index: number) => FakeAnswer>, store = new InMemoryResponseCache()) {
  const events: string[] = [];
  const logger = createRecordingLogger();
  const observer: PipelineObserver = {
    ...silentObserver,
    answerObtained: ({ provider: name, source }) => void events.push(`${name} answer from ${source}`),
    callFailed: ({ provider: name, retrying }) => void events.push(`${name} call failed${retrying ? ', retrying' : ''}`),
  };
  const models = answers.map((answer) => new FakeLanguageModel({ answer }));
  const gates = models.map((_, index) => new ProviderGate({ concurrency: 2 }, `p${index}`));
  const modelCalls = composeModelCalls({
    candidates: models.map((model, index) => ({ model, gate: gates[index] as ProviderGate, provider: provider(`p${index}`), labels: { project: 'x', provider: `p${index}`, model: `p${index}-model` } })),
    answers: new AnswerCache(store),
    retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
    observer,
    logger,
    isUsable: () => true,
  });
  const warnings = () => logger.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.message);
  return { modelCalls, models, events, warnings, shutdown: () => gates.forEach((gate) => gate.shutdown()) };
}

const serverError = () => new ProviderCallError('503', { provider: 'p0', statusCode: 503, isRetryable: true });

describe('composeModelCalls', () => {
  it('observes, then answers from the cache before retrying or calling the model', async () => {
    const { modelCalls, models, events, shutdown } = compose([() => ({ text: 'fresh' })]);
    try {
      expect((await modelCalls.generate(userCall('task'))).text).toBe('fresh');
      expect((await modelCalls.generate(userCall('task'))).text).toBe('fresh');
      expect(models[0]?.generateCalls).toHaveLength(1);
      expect(events).toEqual(['p0 answer from provider', 'p0 answer from cache']);
    } finally {
      shutdown();
    }
  });

  it('retries inside the cache and the observation, then falls back when the provider stays down', async () => {
    const { modelCalls, models, events, warnings, shutdown } = compose([serverError, () => ({ text: 'fallback', warnings: [{ type: 'other', message: 'a provider warning' }] })]);
    try {
      const answer = await modelCalls.answer(() => userCall('task'), { taskId: 1 });
      await modelCalls.answer(() => userCall('another task'), { taskId: 2 });
      expect(answer).toMatchObject({ index: 1, result: { text: 'fallback' } });
      expect(models[0]?.generateCalls).toHaveLength(4);
      expect(events.slice(0, 3)).toEqual(['p0 call failed, retrying', 'p0 call failed', 'p1 answer from provider']);
      expect(warnings().filter((line) => line === 'provider call failed; retrying')).toHaveLength(2);
      expect(warnings().filter((line) => line === 'provider is down; asking the next one')).toHaveLength(2);
      expect(warnings().filter((line) => line === 'a provider warning')).toHaveLength(1);
    } finally {
      shutdown();
    }
  });
});
