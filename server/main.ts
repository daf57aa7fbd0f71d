import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { describeError, SettingError } from '../core/errors';
import { DEFAULT_DATA_DIRECTORY } from './cache/create-response-cache';
import type { Logger } from '../core/spec/logger';
import { createApp, DEFAULT_BODY_LIMIT, DEFAULT_PREDICT_DEADLINE_MS } from './create-app';
import { closeRootServices, createRootServices, type RootServices } from './container';
import { createLogger } from './create-logger';
import { PrometheusObserver } from './metrics/prometheus-observer';
import { formatConfigProblem } from '../config/config-problem';

export const DEFAULT_PORT = 9090;

/** The listen port from PORT: a whole number from 0 to 65535 (0: any free port), else a SettingError with the fix. */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new SettingError(`PORT=${value} is not a port; set PORT to a number from 1 to 65535 (default ${DEFAULT_PORT})`);
  }
  return port;
}

/** One line saying why listening failed and what to do, for the errors a user can fix. */
export function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is in use (another prelabel or another program listens on it); stop that program or set PORT to a free port, e.g. PORT=${port === 65535 ? 9091 : port + 1}`;
    case 'EACCES':
      return `not allowed to listen on port ${port}; set PORT to a port above 1023 (default ${DEFAULT_PORT})`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on HOST=${host}: not an address of this machine; set HOST to one of its addresses, or 0.0.0.0 for all`;
    default:
      return `cannot listen on ${host}:${port}: ${error.message}`;
  }
}

/** A start-up problem: one line on stderr with the fix (never a stack trace), exit code 1. */
function refuseToStart(message: string): void {
  process.stderr.write(`prelabel: ${message}\n`);
  process.exitCode = 1;
}

/** Listens, resolving once listening and rejecting with the listen error (port in use, bad host). */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** A projects folder that does not exist is allowed (every project gets the default) but is often a wrong path. */
export function warnWhenProjectsFolderIsMissing(environment: NodeJS.ProcessEnv, logger: Logger, given?: string): void {
  const directory = path.resolve(given ?? environment.PRELABEL_PROJECTS_DIR ?? 'projects');
  if (existsSync(directory)) return;
  logger.warn(
    { directory },
    `the projects folder ${directory} does not exist; every project gets the built-in default pipeline (create the folder, or set PRELABEL_PROJECTS_DIR, or --projects-dir, to the folder of your project YAML files)`,
  );
}

/** Starts the ML backend: loads every project YAML (a bad one stops start-up), then listens. */
export async function startServer(environment: NodeJS.ProcessEnv = process.env): Promise<void> {
  let logger: Logger;
  let port: number;
  try {
    logger = createLogger(environment);
    port = parsePort(environment.PORT);
  } catch (error) {
    refuseToStart(describeError(error).message);
    return;
  }
  const host = environment.HOST ?? '0.0.0.0';
  warnWhenProjectsFolderIsMissing(environment, logger);
  const observer = new PrometheusObserver();
  let services: RootServices;
  try {
    services = createRootServices({ environment, logger, observer });
  } catch (error) {
    const dataDirectory = path.resolve(environment.PRELABEL_DATA_DIR || DEFAULT_DATA_DIRECTORY);
    refuseToStart(
      `cannot open the cache and example store in ${dataDirectory}: ${describeError(error).message}; set PRELABEL_DATA_DIR to a folder prelabel may write (or REDIS_URL for the cache)`,
    );
    return;
  }
  try {
    services.store.loadAll();
  } catch (error) {
    refuseToStart(`a project YAML file is invalid; not starting:\n${describeError(error).message}`);
    await closeRootServices(services);
    return;
  }
  for (const problem of services.store.files().flatMap((file) => file.providerProblems)) {
    logger.warn({ file: problem.file, code: problem.code }, `${formatConfigProblem(problem)}; /setup and predictions of its projects fail until this is fixed`);
  }
  const app = createApp({
    pipelines: services.pipelines,
    logger,
    metricsRegistry: observer.registry,
    exampleStore: services.exampleStore,
    environment,
    bodyLimit: environment.PRELABEL_BODY_LIMIT ?? DEFAULT_BODY_LIMIT,
    predictDeadlineMs: Number(environment.PRELABEL_PREDICT_DEADLINE_MS) || DEFAULT_PREDICT_DEADLINE_MS,
    authentication: {
      basicAuthUser: environment.BASIC_AUTH_USER,
      basicAuthPassword: environment.BASIC_AUTH_PASS,
      webhookToken: environment.PRELABEL_WEBHOOK_TOKEN,
    },
  });
  if (environment.BASIC_AUTH_USER && environment.BASIC_AUTH_PASS && !environment.PRELABEL_WEBHOOK_TOKEN) {
    logger.warn(
      {},
      "basic auth is on and PRELABEL_WEBHOOK_TOKEN is not set: Label Studio's project webhooks carry no basic auth, so /webhook will refuse annotation events",
    );
  }
  const server = createServer(app.callback());
  server.requestTimeout = 0;
  try {
    await listen(server, port, host);
  } catch (error) {
    refuseToStart(describeListenError(error as NodeJS.ErrnoException, host, port));
    await closeRootServices(services);
    return;
  }
  const address = server.address();
  const listening = typeof address === 'object' && address !== null ? address.port : port;
  logger.info({ port: listening, host, projects: services.store.files().map((file) => file.file) }, `prelabel listens on http://${host}:${listening}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing open requests, then closing the provider gates and the response cache');
    server.close(() => void closeRootServices(services).finally(() => process.exit(0)));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  startServer().catch((error: unknown) => refuseToStart(describeError(error).message));
}
