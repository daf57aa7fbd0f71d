export interface AzureOpenAIErrorBody {
  error: {
    code: string;
    message: string;
  };
}

export interface AzureOpenAIErrorBodyOptions {
  message?: string;
  /** Default: the status as a string, as Azure sends it (`"429"`). */
  code?: string | null;
}

/** What Azure OpenAI answers for each status, with messages copied from real responses. */
const TYPICAL_MESSAGES: Record<number, string> = {
  400: 'Invalid request.',
  401: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  404: 'Resource not found',
  429: 'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.',
  500: 'The server had an error while processing your request. Sorry about that!',
  503: 'The service is temporarily unable to process your request. Please try again later.',
};

/** An error body shaped like Azure OpenAI's: `{"error":{"code","message"}}`, the code usually the status. */
export function createAzureOpenAIErrorBody(status: number, options: AzureOpenAIErrorBodyOptions = {}): AzureOpenAIErrorBody {
  return {
    error: {
      code: options.code ?? String(status),
      message: options.message ?? TYPICAL_MESSAGES[status] ?? `Request failed with status ${status}.`,
    },
  };
}
