/** The registry name of the provider for servers that speak OpenAI Chat Completions. */
export const OPENAI_COMPATIBLE_PROVIDER = 'openai-compatible';
