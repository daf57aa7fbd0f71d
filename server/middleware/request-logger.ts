import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../../core/spec/logger';

/** Gives each request an id (`X-Request-Id`, taken from the caller when it sends one) and a child logger. */
export function createRequestLogger(logger: Logger): Middleware {
  return async (context, next) => {
    const given = context.get('x-request-id');
    const requestId = /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    context.set('X-Request-Id', requestId);
    const requestLogger = logger.child({ requestId });
    context.state.logger = requestLogger;
    const started = performance.now();
    try {
      await next();
    } finally {
      requestLogger.info(
        { method: context.method, path: context.path, status: context.status, ms: Math.round(performance.now() - started) },
        'request',
      );
    }
  };
}
