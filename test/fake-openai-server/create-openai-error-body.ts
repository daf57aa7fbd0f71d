export interface OpenAIErrorBody {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | null;
  };
}

export interface OpenAIErrorBodyOptions {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}

/** What the real API answers for each status, with messages copied from real responses. */
const TYPICAL_ERRORS: Record<number, Required<OpenAIErrorBodyOptions>> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', param: null, code: null },
  401: {
    message: 'Incorrect API key provided: sk-fake***********1234. You can find your API key at https://platform.openai.com/account/api-keys.',
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_api_key',
  },
  403: {
    message: 'Country, region, or territory not supported',
    type: 'request_forbidden',
    param: null,
    code: 'unsupported_country_region_territory',
  },
  404: {
    message: 'The model `gpt-fake` does not exist or you do not have access to it.',
    type: 'invalid_request_error',
    param: null,
    code: 'model_not_found',
  },
  429: {
    message:
      'Rate limit reached for gpt-4o-mini in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.',
    type: 'requests',
    param: null,
    code: 'rate_limit_exceeded',
  },
  500: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    param: null,
    code: null,
  },
  503: {
    message: 'The engine is currently overloaded, please try again later',
    type: 'server_error',
    param: null,
    code: null,
  },
};

/** An error body shaped like the real API's: `{"error":{"message","type","param","code"}}`. */
export function createOpenAIErrorBody(status: number, options: OpenAIErrorBodyOptions = {}): OpenAIErrorBody {
  const typical = TYPICAL_ERRORS[status] ?? {
    message: `Request failed with status ${status}.`,
    type: status >= 500 ? 'server_error' : 'invalid_request_error',
    param: null,
    code: null,
  };
  return {
    error: {
      message: options.message ?? typical.message,
      type: options.type ?? typical.type,
      param: options.param === undefined ? typical.param : options.param,
      code: options.code === undefined ? typical.code : options.code,
    },
  };
}
