import type { CachedAnswer, ResponseCache } from '../../core/spec/response-cache';

/** `PRELABEL_CACHE=off`: every lookup is a miss and nothing is kept. */
export class DisabledResponseCache implements ResponseCache {
  readonly kind = 'off';

  async get(_key: string): Promise<CachedAnswer | null> {
    return null;
  }

  async set(_key: string, _answer: CachedAnswer): Promise<void> {}

  async close(): Promise<void> {}
}
