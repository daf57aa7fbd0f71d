/**
 * The SDK base URL for an Azure endpoint (`provider.base_url`, else AZURE_OPENAI_ENDPOINT):
 * `https://RESOURCE.openai.azure.com` (or a gateway URL) gets `/openai` appended, unless it already ends with it.
 */
export function resolveAzureOpenAIBaseURL(endpoint: string | undefined): { baseURL: string } | { problem: string } {
  if (endpoint === undefined) {
    return { problem: 'no Azure OpenAI endpoint: set provider.base_url (e.g. https://RESOURCE.openai.azure.com) or AZURE_OPENAI_ENDPOINT' };
  }
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    return { problem: 'provider.base_url (or AZURE_OPENAI_ENDPOINT) is not a valid http(s) URL' };
  }
  const withoutSlash = endpoint.trim().replace(/\/+$/, '');
  return { baseURL: withoutSlash.endsWith('/openai') ? withoutSlash : `${withoutSlash}/openai` };
}
