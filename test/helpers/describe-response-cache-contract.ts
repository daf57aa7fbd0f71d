import { randomUUID } from 'node:crypto';
import type { LanguageModelResult } from '../../core/spec/language-model';
import type { CachedAnswer, ResponseCache } from '../../core/spec/response-cache';

const UNICODE_TEXT = 'Ça marche — 日本語のテキスト, עברית, emoji 👩🏽‍💻🇫🇷, combining é, "quotes", back\\slash, tab\t, newline\n, nul \u0000, lone surrogate \ud800';

export const SAMPLE_ANSWERS = {
  unicode: {
    text: JSON.stringify({ label: 'positive', reason: UNICODE_TEXT }),
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: { inputTokens: 1234, outputTokens: 56 },
    responseModelId: 'gpt-4o-mini-2024-07-18',
  },
  nullUsage: {
    text: 'plain text answer',
    finishReason: { unified: 'length', raw: undefined },
    usage: { inputTokens: null, outputTokens: null },
  },
  refusal: {
    text: '',
    finishReason: { unified: 'content-filter', raw: 'content_filter' },
    refusal: 'I can’t help with that.',
    usage: { inputTokens: 10, outputTokens: null },
  },
  large: {
    text: 'x'.repeat(256 * 1024),
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: { inputTokens: 1, outputTokens: 65_536 },
  },
} satisfies Record<string, CachedAnswer>;

function numberedAnswer(number: number): CachedAnswer {
  return {
    text: `answer ${number}`,
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: { inputTokens: number, outputTokens: number * 2 },
  };
}

/**
 * The behaviour every `ResponseCache` backed by a store must have.
 * `create` opens a new instance on the SAME store each time (same SQLite file, same Redis server and prefix).
 */
export function describeResponseCacheContract(name: string, create: () => Promise<ResponseCache>): void {
  describe(`${name} honours the ResponseCache contract`, () => {
    const opened: ResponseCache[] = [];
    const run = randomUUID();
    let keyNumber = 0;
    const uniqueKey = (label: string): string => `${run}:${label}:${keyNumber++}`;

    async function open(): Promise<ResponseCache> {
      const cache = await create();
      opened.push(cache);
      return cache;
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((cache) => cache.close()));
    });

    it('answers null for a key it never saw', async () => {
      const cache = await open();
      await expect(cache.get(uniqueKey('never-set'))).resolves.toBeNull();
    });

    it.each(Object.entries(SAMPLE_ANSWERS))('gives back the %s answer it was given', async (label, answer) => {
      const cache = await open();
      const key = uniqueKey(label);
      await cache.set(key, answer);
      await expect(cache.get(key)).resolves.toEqual(answer);
    });

    it('keeps the fields exactly: unicode, nulls in usage, the refusal', async () => {
      const cache = await open();
      const key = uniqueKey('exact');
      await cache.set(key, SAMPLE_ANSWERS.refusal);
      const answer = await cache.get(key);
      expect(answer?.refusal).toBe('I can’t help with that.');
      expect(answer?.usage).toStrictEqual({ inputTokens: 10, outputTokens: null });
      await cache.set(key, SAMPLE_ANSWERS.unicode);
      const text = (await cache.get(key))?.text ?? '';
      expect((JSON.parse(text) as { reason: string }).reason).toBe(UNICODE_TEXT);
    });

    it('does not keep the per-call warnings of a whole provider result', async () => {
      const cache = await open();
      const key = uniqueKey('warnings');
      const result: LanguageModelResult = {
        ...SAMPLE_ANSWERS.unicode,
        warnings: [{ type: 'unsupported-setting', setting: 'temperature', message: 'ignored' }],
      };
      await cache.set(key, result);
      const answer = await cache.get(key);
      expect(answer).toEqual(SAMPLE_ANSWERS.unicode);
      expect(answer).not.toHaveProperty('warnings');
    });

    it('replaces the answer of a key set twice', async () => {
      const cache = await open();
      const key = uniqueKey('overwrite');
      await cache.set(key, SAMPLE_ANSWERS.unicode);
      await cache.set(key, SAMPLE_ANSWERS.nullUsage);
      await expect(cache.get(key)).resolves.toEqual(SAMPLE_ANSWERS.nullUsage);
    });

    it('keeps many keys apart', async () => {
      const cache = await open();
      const keys = Array.from({ length: 500 }, (_, index) => uniqueKey(`many-${index}`));
      for (const [index, key] of keys.entries()) await cache.set(key, numberedAnswer(index));
      for (const [index, key] of keys.entries()) await expect(cache.get(key)).resolves.toEqual(numberedAnswer(index));
    });

    it('handles concurrent sets and gets', async () => {
      const cache = await open();
      const keys = Array.from({ length: 200 }, (_, index) => uniqueKey(`concurrent-${index}`));
      const contested = uniqueKey('contested');
      await Promise.all([
        ...keys.map((key, index) => cache.set(key, numberedAnswer(index))),
        ...keys.map((key) => cache.get(key)),
        ...Array.from({ length: 50 }, (_, index) => cache.set(contested, numberedAnswer(index))),
      ]);
      const answers = await Promise.all(keys.map((key) => cache.get(key)));
      expect(answers).toEqual(keys.map((_, index) => numberedAnswer(index)));
      const winner = await cache.get(contested);
      expect(Array.from({ length: 50 }, (_, index) => numberedAnswer(index))).toContainEqual(winner);
    });

    it('shares answers with another instance on the same store, open or closed', async () => {
      const writer = await open();
      const key = uniqueKey('shared');
      await writer.set(key, SAMPLE_ANSWERS.unicode);
      const reader = await open();
      await expect(reader.get(key)).resolves.toEqual(SAMPLE_ANSWERS.unicode);
      await writer.close();
      await reader.close();
      const reopened = await open();
      await expect(reopened.get(key)).resolves.toEqual(SAMPLE_ANSWERS.unicode);
    });

    it('closes idempotently, and after closing misses and skips without throwing', async () => {
      const cache = await open();
      const key = uniqueKey('closed');
      await cache.set(key, SAMPLE_ANSWERS.unicode);
      await Promise.all([cache.close(), cache.close()]);
      await expect(cache.close()).resolves.toBeUndefined();
      await expect(cache.get(key)).resolves.toBeNull();
      await expect(cache.set(key, SAMPLE_ANSWERS.nullUsage)).resolves.toBeUndefined();
    });
  });
}
