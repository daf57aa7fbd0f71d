import type { LanguageModelMiddleware } from '../spec/language-model-middleware';
import { FakeLanguageModel, userCall } from '../../test/helpers/fake-language-model';
import { wrapLanguageModel } from './wrap-language-model';

/** A middleware that writes down when it starts and ends, and tags the messages it passes on. */
function recording(name: string, log: string[]): LanguageModelMiddleware {
  return {
    async wrapGenerate({ doGenerate, params, context }) {
      log.push(`${name} before`);
      const tagged = { ...params, messages: [...params.messages, { role: 'user' as const, content: name }] };
      const result = await doGenerate(tagged, context);
      log.push(`${name} after: ${result.text}`);
      return { ...result, text: `${result.text}+${name}` };
    },
  };
}

describe('wrapLanguageModel', () => {
  it('runs the first middleware outermost and the last right around the model', async () => {
    const log: string[] = [];
    const model = new FakeLanguageModel({ answer: () => ({ text: 'answer' }) });
    const wrapped = wrapLanguageModel(model, [recording('outer', log), recording('inner', log)]);

    const result = await wrapped.generate(userCall('task'));

    expect(log).toEqual(['outer before', 'inner before', 'inner after: answer', 'outer after: answer+inner']);
    expect(result.text).toBe('answer+inner+outer');
    expect(model.generateCalls.map((call) => call.messages.map((message) => message.content))).toEqual([['task', 'outer', 'inner']]);
  });

  it('calls the model directly without middleware, and keeps its capabilities', async () => {
    const model = new FakeLanguageModel({ provider: 'vendor', modelId: 'm-2', structuredOutput: 'json_object', acceptsImages: true, returnsLogprobs: true });
    const wrapped = wrapLanguageModel(model, []);

    await wrapped.generate(userCall('task'));

    expect(model.generateCalls).toHaveLength(1);
    expect(wrapped).toMatchObject({ specificationVersion: 'v1', provider: 'vendor', modelId: 'm-2', structuredOutput: 'json_object', acceptsImages: true, returnsLogprobs: true });
  });

  it('gives each call its own copy of the context, shared by its middleware', async () => {
    const seen: unknown[] = [];
    const marking: LanguageModelMiddleware = {
      async wrapGenerate({ doGenerate, params, context }) {
        const result = await doGenerate(params, context);
        seen.push(context.answerSource);
        return result;
      },
    };
    const settingSource: LanguageModelMiddleware = {
      async wrapGenerate({ doGenerate, params, context }) {
        context.answerSource = 'cache';
        return doGenerate(params, context);
      },
    };
    const wrapped = wrapLanguageModel(new FakeLanguageModel(), [marking, settingSource]);
    const context = { taskId: 7 };

    await wrapped.generate(userCall('task'), context);

    expect(seen).toEqual(['cache']);
    expect(context).toEqual({ taskId: 7 });
  });

  it('lets a middleware answer without calling the model, or call it again', async () => {
    const model = new FakeLanguageModel({ answer: (_options, index) => (index === 0 ? new Error('first attempt fails') : { text: 'second' }) });
    const again: LanguageModelMiddleware = {
      wrapGenerate: ({ doGenerate, params, context }) => doGenerate(params, context).catch(() => doGenerate(params, context)),
    };
    const shortCircuit: LanguageModelMiddleware = {
      wrapGenerate: async ({ params, doGenerate, context }) =>
        params.messages[0]?.content === 'known' ? { text: 'remembered', finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: 0, outputTokens: 0 }, warnings: [] } : doGenerate(params, context),
    };
    const wrapped = wrapLanguageModel(model, [shortCircuit, again]);

    expect((await wrapped.generate(userCall('known'))).text).toBe('remembered');
    expect(model.generateCalls).toHaveLength(0);
    expect((await wrapped.generate(userCall('new'))).text).toBe('second');
    expect(model.generateCalls).toHaveLength(2);
  });
});
