export { AZURE_OPENAI_PROVIDER, AzureOpenAILanguageModel, DEFAULT_AZURE_OPENAI_API_VERSION } from './azure-openai-language-model';
