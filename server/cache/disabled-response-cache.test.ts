import { DisabledResponseCache } from './disabled-response-cache';
import { SAMPLE_ANSWERS } from '../../test/helpers/describe-response-cache-contract';

describe('DisabledResponseCache', () => {
  it('is kind "off", keeps nothing and closes any number of times', async () => {
    const cache = new DisabledResponseCache();
    expect(cache.kind).toBe('off');
    await expect(cache.set('key', SAMPLE_ANSWERS.unicode)).resolves.toBeUndefined();
    await expect(cache.get('key')).resolves.toBeNull();
    await expect(cache.close()).resolves.toBeUndefined();
    await expect(cache.close()).resolves.toBeUndefined();
    await expect(cache.get('key')).resolves.toBeNull();
  });
});
