export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id: string | null;
}

export interface AnthropicErrorBodyOptions {
  /** E.g. `rate_limit_error`; the default is what the real API sends for the status. */
  type?: string;
  message?: string;
  requestId?: string | null;
}

/** What the real API answers for each status, with messages copied from real responses. */
const TYPICAL_ERRORS: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'messages: at least one message is required' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'model: claude-fake' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: {
    type: 'rate_limit_error',
    message:
      'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.',
  },
  500: { type: 'api_error', message: 'Internal server error' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

/** An error body shaped like the real API's: `{"type":"error","error":{"type","message"},"request_id"}`. */
export function createAnthropicErrorBody(status: number, options: AnthropicErrorBodyOptions = {}): AnthropicErrorBody {
  const typical = TYPICAL_ERRORS[status] ?? {
    type: status >= 500 ? 'api_error' : 'invalid_request_error',
    message: `Request failed with status ${status}.`,
  };
  return {
    type: 'error',
    error: { type: options.type ?? typical.type, message: options.message ?? typical.message },
    request_id: options.requestId ?? null,
  };
}
