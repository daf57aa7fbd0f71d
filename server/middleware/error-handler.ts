import type { Middleware } from 'koa';
import { ERROR_CODES, PrelabelError, type ErrorCode } from '../../core/errors';
import type { Logger } from '../../core/spec/logger';

/** The one place error codes become HTTP statuses. */
const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  [ERROR_CODES.REQUEST_INVALID]: 400,
  [ERROR_CODES.LABEL_CONFIG_INVALID]: 400,
  [ERROR_CODES.PROMPT_TEMPLATE_INVALID]: 400,
  [ERROR_CODES.PROJECT_CONFIG_INVALID]: 400,
  [ERROR_CODES.NO_SUCH_COMPONENT]: 400,
  [ERROR_CODES.NOTHING_TO_PREDICT]: 400,
  [ERROR_CODES.OBJECT_UNREADABLE]: 400,
  [ERROR_CODES.PROVIDER_KEY_MISSING]: 400,
  [ERROR_CODES.PROVIDER_KEY_REJECTED]: 400,
  [ERROR_CODES.MODEL_NOT_SERVED]: 400,
  [ERROR_CODES.UNAUTHORIZED]: 401,
};

interface HttpError {
  status: number;
  expose?: boolean;
  message: string;
}

/** Longest reason phrase sent; the detail in the body is whole. */
const MAX_REASON_PHRASE_LENGTH = 400;

/**
 * The detail as an HTTP reason phrase: Label Studio shows only `"<status> Client Error: <reason> for url: <url>"` (the
 * `requests` error), never the body, so the reason phrase is where the cause and the fix reach the user. One line of
 * printable ASCII (anything else would be refused by node or garbled), bounded.
 */
function toReasonPhrase(detail: string): string {
  const line = detail.replace(/\s+/g, ' ').replace(/[^\x20-\x7e]/g, '?').trim();
  return line.length > MAX_REASON_PHRASE_LENGTH ? `${line.slice(0, MAX_REASON_PHRASE_LENGTH - 1)}~` : line;
}

/** Client errors raised by koa and its body parser (malformed JSON, body too large), unless marked private. */
function isClientHttpError(error: unknown): error is HttpError {
  const candidate = error as Partial<HttpError> | null;
  return typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500 && candidate.expose !== false;
}

/**
 * First middleware: every error becomes a JSON body `{status, code, detail}`. Coded errors and client errors from
 * koa (malformed JSON, body too large) say what is wrong; anything else is a 500 that reveals nothing.
 */
export function createErrorHandler(logger: Logger): Middleware {
  return async (context, next) => {
    try {
      await next();
    } catch (error) {
      let status = 500;
      let code = 'INTERNAL_ERROR';
      let detail = 'internal error; see the prelabel logs';
      if (PrelabelError.isInstance(error) && STATUS_BY_CODE[error.code]) {
        status = STATUS_BY_CODE[error.code] as number;
        code = error.code;
        detail = error.message;
      } else if (isClientHttpError(error)) {
        status = error.status;
        code = status === 413 ? 'REQUEST_TOO_LARGE' : ERROR_CODES.REQUEST_INVALID;
        detail = status === 400 && error instanceof SyntaxError ? `the request body is not valid JSON: ${error.message}` : error.message;
      }
      const requestLogger = (context.state.logger as Logger | undefined) ?? logger;
      if (status >= 500) {
        requestLogger.error({ error: error instanceof Error ? error.stack : String(error) }, 'request failed');
      } else {
        requestLogger.warn({ status, code, detail }, 'request refused');
      }
      context.status = status;
      if (status < 500 && detail) context.message = toReasonPhrase(detail);
      context.body = { status, code, detail };
    }
  };
}
