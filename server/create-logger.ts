import pino from 'pino';
import type { Logger } from '../core/logger';

/** Paths that may hold secrets anywhere in a log line; pino replaces their values. */
const REDACTED_PATHS = [
  'apiKey',
  '*.apiKey',
  'api_key',
  '*.api_key',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'password',
  '*.password',
  'access_token',
  '*.access_token',
];

function adapt(logger: pino.Logger): Logger {
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
    child: (fields) => adapt(logger.child(fields)),
  };
}

/** Structured JSON logs on stderr (stdout stays free for CLI output), level from LOG_LEVEL. */
export function createLogger(environment: NodeJS.ProcessEnv, destination: pino.DestinationStream = pino.destination(2)): Logger {
  const level = (environment.LOG_LEVEL ?? 'info').toLowerCase();
  return adapt(pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'prelabel' } }, destination));
}
