/** The registry name of the OpenAI provider. */
export const OPENAI_PROVIDER = 'openai';
