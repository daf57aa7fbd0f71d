import { AnswerCache, createCacheKey } from './answer-cache';
import type { LanguageModelResult } from '../spec/language-model';
import type { ResponseCache } from '../spec/response-cache';
import { InMemoryResponseCache } from '../../test/helpers/in-memory-response-cache';

function answer(text: string, finish: LanguageModelResult['finishReason']['unified'] = 'stop'): LanguageModelResult {
  return { text, finishReason: { unified: finish, raw: finish }, usage: { inputTokens: 3, outputTokens: 2 }, warnings: [{ type: 'other', message: 'w' }] };
}

const usable = (result: LanguageModelResult) => result.finishReason.unified === 'stop';

describe('createCacheKey', () => {
  it('depends on content, not on key order', () => {
    expect(createCacheKey({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(createCacheKey({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(createCacheKey({ a: 1 })).not.toBe(createCacheKey({ a: 2 }));
    expect(createCacheKey({ a: 1, b: undefined })).toBe(createCacheKey({ a: 1 }));
  });
});

describe('AnswerCache', () => {
  it('answers from the cache the second time, without calling', async () => {
    const store = new InMemoryResponseCache();
    const cache = new AnswerCache(store);
    let calls = 0;
    const call = async () => {
      calls += 1;
      return answer('{"a":1}');
    };
    expect(await cache.answer('k', call, usable)).toMatchObject({ source: 'provider', result: { text: '{"a":1}' } });
    expect(await cache.answer('k', call, usable)).toEqual({ source: 'cache', result: { ...answer('{"a":1}'), warnings: [] } });
    expect(calls).toBe(1);
  });

  it('makes one call for identical requests in flight at once', async () => {
    const cache = new AnswerCache(new InMemoryResponseCache());
    let calls = 0;
    const call = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return answer('x');
    };
    const sources = (await Promise.all(Array.from({ length: 5 }, () => cache.answer('same', call, usable)))).map((entry) => entry.source);
    expect(calls).toBe(1);
    expect(sources.filter((source) => source === 'provider')).toHaveLength(1);
  });

  it('answers from the provider when the cache store fails', async () => {
    const broken: ResponseCache = { kind: 'broken', get: () => Promise.reject(new Error('disk I/O error')), set: () => Promise.reject(new Error('disk full')), close: async () => {} };
    const cache = new AnswerCache(broken);
    expect(await cache.answer('k', async () => answer('ok'), usable)).toMatchObject({ source: 'provider', result: { text: 'ok' } });
  });

  it('never stores errors or unusable answers', async () => {
    const store = new InMemoryResponseCache();
    const cache = new AnswerCache(store);
    await expect(cache.answer('e', () => Promise.reject(new Error('down')), usable)).rejects.toThrow('down');
    await cache.answer('t', async () => answer('{"a', 'length'), usable);
    expect(store.entries.size).toBe(0);
    let calls = 0;
    await cache.answer('e', async () => {
      calls += 1;
      return answer('ok');
    }, usable);
    expect(calls).toBe(1);
  });
});
