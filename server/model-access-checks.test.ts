import type { LanguageModel, ModelAccess } from '../core/spec/language-model';
import { ModelAccessChecks } from './model-access-checks';

/** A model whose check answers what the test says, counting its calls; generate is never called here. */
function modelAnswering(answer: (signal: AbortSignal) => Promise<ModelAccess>, accessCheckKey = 'key-1') {
  const model = {
    specificationVersion: 'v1' as const,
    provider: 'test',
    modelId: 'm',
    structuredOutput: 'none' as const,
    acceptsImages: false,
    accessCheckKey,
    calls: 0,
    generate: () => Promise.reject(new Error('not called in these tests')),
    checkAccess(signal: AbortSignal) {
      model.calls += 1;
      return answer(signal);
    },
  };
  return model satisfies LanguageModel;
}

describe('ModelAccessChecks', () => {
  it('asks once for concurrent checks of the same key, and again once the answer is stale', async () => {
    let now = 0;
    const checks = new ModelAccessChecks({ now: () => now });
    const model = modelAnswering(async () => ({ status: 'granted' }));
    const answers = await Promise.all([checks.check(model), checks.check(model), checks.check(model)]);
    expect(answers.map((answer) => answer?.access.status)).toEqual(['granted', 'granted', 'granted']);
    expect(answers.filter((answer) => answer?.fresh)).toHaveLength(1);
    expect(model.calls).toBe(1);
    now = 9 * 60_000;
    await checks.check(model);
    expect(model.calls).toBe(1);
    now = 11 * 60_000;
    expect(await checks.check(model)).toEqual({ access: { status: 'granted' }, fresh: true });
    expect(model.calls).toBe(2);
  });

  it('asks again after a minute when the last check got no answer', async () => {
    let now = 0;
    const checks = new ModelAccessChecks({ now: () => now });
    const unanswered = modelAnswering(async () => ({ status: 'unverified', reason: 'no answer' }), 'key-2');
    await checks.check(unanswered);
    now = 61_000;
    await checks.check(unanswered);
    expect(unanswered.calls).toBe(2);
  });

  it('gives up on a check that ignores its signal after the timeout, as unverified, and aborts the signal', async () => {
    let seen: AbortSignal | undefined;
    const checks = new ModelAccessChecks({ timeoutMs: 20 });
    const hanging = modelAnswering((signal) => {
      seen = signal;
      return new Promise<ModelAccess>(() => {});
    });
    expect(await checks.check(hanging)).toEqual({ access: { status: 'unverified', reason: 'test did not answer the model check within 20 ms' }, fresh: true });
    expect(seen?.aborted).toBe(true);
  });

  it('skips a model without a check', async () => {
    const { checkAccess: _none, accessCheckKey: _key, ...uncheckable } = modelAnswering(async () => ({ status: 'granted' }));
    expect(await new ModelAccessChecks().check(uncheckable as LanguageModel)).toBeNull();
  });
});
