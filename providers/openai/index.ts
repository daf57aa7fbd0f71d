export { OPENAI_PROVIDER, OpenAILanguageModel } from './openai-language-model';
