/** The registry name of the Azure OpenAI provider. */
export const AZURE_OPENAI_PROVIDER = 'azure-openai';
