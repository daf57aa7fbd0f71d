import { ProviderCallError, RequestInvalidError, RetryExhaustedError } from '../errors';
import type { LanguageModelCallOptions } from '../spec/language-model';
import { FakeLanguageModel, userCall } from '../../test/helpers/fake-language-model';
import { FallbackLanguageModel, isProviderDown } from './fallback-language-model';
import { wrapLanguageModel } from './wrap-language-model';

const serverError = () => new ProviderCallError('503 from the provider', { provider: 'primary', statusCode: 503, isRetryable: true });
const badRequest = () => new ProviderCallError('400 from the provider', { provider: 'primary', statusCode: 400, isRetryable: false });

function candidates(...models: FakeLanguageModel[]) {
  return models.map((model) => wrapLanguageModel(model, []));
}

describe('FallbackLanguageModel', () => {
  it('asks only the first candidate when it answers', async () => {
    const primary = new FakeLanguageModel({ answer: () => ({ text: 'primary' }) });
    const fallback = new FakeLanguageModel({ answer: () => ({ text: 'fallback' }) });
    const model = new FallbackLanguageModel(candidates(primary, fallback));

    expect((await model.generate(userCall('task'))).text).toBe('primary');
    expect(fallback.generateCalls).toHaveLength(0);
  });

  it('asks the next candidate, with the options made for it, while the one before is down', async () => {
    const primary = new FakeLanguageModel({ answer: serverError });
    const second = new FakeLanguageModel({ answer: () => new ProviderCallError('circuit open', { provider: 'second', unavailable: true }) });
    const third = new FakeLanguageModel({ answer: () => ({ text: 'third' }) });
    const told: Array<{ next: number; taskId: unknown }> = [];
    const model = new FallbackLanguageModel(candidates(primary, second, third), ({ next, context }) => told.push({ next, taskId: context.taskId }));
    const paramsFor = (index: number): LanguageModelCallOptions => userCall(`prompt for candidate ${index}`);

    const answer = await model.answer(paramsFor, { taskId: 3 });

    expect(answer).toMatchObject({ index: 2, result: { text: 'third' }, params: paramsFor(2) });
    expect([primary, second, third].map((fake) => fake.generateCalls.map((call) => call.messages[0]?.content))).toEqual([
      ['prompt for candidate 0'],
      ['prompt for candidate 1'],
      ['prompt for candidate 2'],
    ]);
    expect(told).toEqual([
      { next: 1, taskId: 3 },
      { next: 2, taskId: 3 },
    ]);
  });

  it('throws a failure that is not an outage at once, without asking a fallback', async () => {
    const primary = new FakeLanguageModel({ answer: badRequest });
    const fallback = new FakeLanguageModel();
    const model = new FallbackLanguageModel(candidates(primary, fallback));

    await expect(model.generate(userCall('task'))).rejects.toMatchObject({ code: 'PROVIDER_CALL_FAILED', statusCode: 400 });
    expect(fallback.generateCalls).toHaveLength(0);
  });

  it('throws the last candidate’s failure when every candidate is down', async () => {
    const model = new FallbackLanguageModel(candidates(new FakeLanguageModel({ answer: serverError }), new FakeLanguageModel({ answer: () => new RetryExhaustedError([serverError()]) })));

    await expect(model.generate(userCall('task'))).rejects.toMatchObject({ code: 'RETRY_EXHAUSTED' });
  });

  it('has the capabilities of its first candidate', () => {
    const model = new FallbackLanguageModel(
      candidates(new FakeLanguageModel({ provider: 'first', structuredOutput: 'none', acceptsImages: true }), new FakeLanguageModel({ provider: 'second' })),
    );
    expect(model).toMatchObject({ provider: 'first', structuredOutput: 'none', acceptsImages: true });
  });
});

describe('isProviderDown', () => {
  it.each<[string, unknown, boolean]>([
    ['a retryable provider failure (5xx, connection)', serverError(), true],
    ['an open circuit', new ProviderCallError('circuit open', { provider: 'p', unavailable: true }), true],
    ['retries exhausted on a retryable failure', new RetryExhaustedError([serverError(), serverError()]), true],
    ['retries exhausted on a failure that is not retryable', new RetryExhaustedError([badRequest()]), false],
    ['a bad request', badRequest(), false],
    ['an error of another kind', new RequestInvalidError('bad task'), false],
    ['a plain error', new Error('boom'), false],
  ])('%s: %s', (_name, error, down) => {
    expect(isProviderDown(error)).toBe(down);
  });
});
