export { ANTHROPIC_PROVIDER, AnthropicLanguageModel } from './anthropic-language-model';
