/** The innermost reason of a connection failure, e.g. `connect ECONNREFUSED 127.0.0.1:1`. */
export function describeConnectionFailure(error: Error): string {
  let reason = error.message;
  let current: unknown = error.cause;
  while (typeof current === 'object' && current !== null) {
    const { message, code, cause } = current as { message?: unknown; code?: unknown; cause?: unknown };
    if (typeof message === 'string' && message) reason = message;
    else if (typeof code === 'string') reason = code;
    current = cause;
  }
  return reason;
}
