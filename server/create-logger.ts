import pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { Logger } from '../core/spec/logger';
import { SettingError } from '../core/errors';
import { TerminalLogDestination } from './terminal-log-destination';

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

/**
 * LOG_LEVEL values, by lower-cased name: pino's own levels and the names Label Studio's Python ML backends use
 * (`logging.WARNING`, `logging.CRITICAL`), so one `.env` serves both.
 */
const LOG_LEVELS = new Map<string, pino.LevelWithSilent>([
  ['trace', 'trace'],
  ['debug', 'debug'],
  ['info', 'info'],
  ['warn', 'warn'],
  ['warning', 'warn'],
  ['error', 'error'],
  ['fatal', 'fatal'],
  ['critical', 'fatal'],
  ['silent', 'silent'],
]);

/** The pino level for a LOG_LEVEL value, any case; a SettingError naming the accepted values otherwise. */
export function parseLogLevel(value: string | undefined, fallback: pino.LevelWithSilent = 'info'): pino.LevelWithSilent {
  if (value === undefined || value.trim() === '') return fallback;
  const level = LOG_LEVELS.get(value.trim().toLowerCase());
  if (level === undefined) {
    throw new SettingError(
      `LOG_LEVEL=${value} is not a log level; use DEBUG, INFO, WARNING, ERROR or CRITICAL (any case), or pino's trace, fatal, silent`,
    );
  }
  return level;
}

function adapt(logger: pino.Logger): Logger {
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
    child: (fields) => adapt(logger.child(fields)),
  };
}

/**
 * Where log lines go when no destination is given: stderr (stdout stays free for CLI output), through a
 * TerminalLogDestination so a progress bar can take its place. On a terminal the lines are formatted by pino-pretty
 * (`PRELABEL_LOG_FORMAT=json` keeps JSON); elsewhere they stay JSON lines (`PRELABEL_LOG_FORMAT=pretty` forces the
 * readable form).
 */
export function createStderrLogDestination(environment: NodeJS.ProcessEnv, stream: NodeJS.WriteStream = process.stderr): TerminalLogDestination {
  const format = (environment.PRELABEL_LOG_FORMAT ?? '').trim().toLowerCase();
  if (format !== '' && format !== 'json' && format !== 'pretty') {
    throw new SettingError(`PRELABEL_LOG_FORMAT=${environment.PRELABEL_LOG_FORMAT} is not a log format; use json or pretty`);
  }
  const pretty = format === 'pretty' || (format === '' && Boolean(stream.isTTY));
  const prettify = pretty ? prettyFactory({ colorize: Boolean(stream.isTTY), translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', singleLine: true, errorLikeObjectKeys: ['err'] }) : null;
  return new TerminalLogDestination(stream, prettify);
}

/** Logs with secrets redacted, level from LOG_LEVEL (pino's names or Python's, any case). */
export function createLogger(environment: NodeJS.ProcessEnv, destination?: pino.DestinationStream, fallbackLevel: pino.LevelWithSilent = 'info'): Logger {
  const level = parseLogLevel(environment.LOG_LEVEL, fallbackLevel);
  return adapt(
    pino(
      { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'prelabel' } },
      destination ?? createStderrLogDestination(environment),
    ),
  );
}
