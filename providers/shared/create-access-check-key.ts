import { createHash } from 'node:crypto';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * What a model access check depends on, as one hash: provider, base URL, model, and a hash of the key (so the key
 * itself is never kept as a cache key).
 */
export function createAccessCheckKey(parts: { provider: string; baseURL: string; apiKey: string | undefined; modelId: string }): string {
  const keyHash = parts.apiKey ? sha256(parts.apiKey) : 'no-key';
  return sha256(JSON.stringify([parts.provider, parts.baseURL, parts.modelId, keyHash]));
}
