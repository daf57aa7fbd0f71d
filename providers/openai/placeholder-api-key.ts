/**
 * The SDK refuses to build a client without a key. Servers such as Ollama or vLLM need none, so the client gets this
 * placeholder and the Authorization header is removed from every request (`defaultHeaders: { Authorization: null }`).
 */
export const PLACEHOLDER_API_KEY = 'no-api-key';
