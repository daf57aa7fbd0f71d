/**
 * The SDKs refuse to build a client without a key. Servers such as Ollama or vLLM, and proxies in front of the Messages
 * API, may need none, so the client gets this placeholder and the auth headers are removed from every request
 * (`defaultHeaders: { Authorization: null }`, plus `'X-Api-Key': null` for Anthropic).
 */
export const PLACEHOLDER_API_KEY = 'no-api-key';
