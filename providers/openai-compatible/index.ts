export { OPENAI_COMPATIBLE_PROVIDER, OpenAICompatibleLanguageModel } from './openai-compatible-language-model';
