import 'reflect-metadata';
import { describeError } from '../core/errors';
import { createApp, DEFAULT_BODY_LIMIT, DEFAULT_PREDICT_DEADLINE_MS } from './create-app';
import { closeRootServices, createRootServices } from './container';
import { createLogger } from './create-logger';
import { PrometheusObserver } from './metrics/prometheus-observer';

export const DEFAULT_PORT = 9090;

/** Starts the ML backend: loads every project YAML (a bad one stops start-up), then listens. */
export async function startServer(environment: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = createLogger(environment);
  const observer = new PrometheusObserver();
  const services = createRootServices({ environment, logger, observer });
  try {
    services.store.loadAll();
  } catch (error) {
    logger.error({ error: describeError(error) }, 'a project YAML file is invalid; not starting');
    process.stderr.write(`prelabel: ${describeError(error).message}\n`);
    process.exitCode = 1;
    await closeRootServices(services);
    return;
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
  const port = Number(environment.PORT ?? DEFAULT_PORT);
  const host = environment.HOST ?? '0.0.0.0';
  const server = app.listen(port, host, () => {
    logger.info(
      { port, host, projects: services.store.files().map((file) => file.file) },
      `prelabel listens on http://${host}:${port}`,
    );
  });
  server.requestTimeout = 0;
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

if (require.main === module) void startServer();
