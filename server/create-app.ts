import Koa from 'koa';
import type { Registry as MetricsRegistry } from 'prom-client';
import type { ExampleStore } from '../core/spec/example-store';
import type { Logger } from '../core/spec/logger';
import type { ProjectPipelines } from './project-pipelines';
import { createAuthentication, type AuthenticationSettings } from './middleware/authentication';
import { createHttpMetrics } from './metrics/http-metrics';
import { createErrorHandler } from './middleware/error-handler';
import { createJsonBodyParser } from './middleware/json-body-parser';
import { createRequestLogger } from './middleware/request-logger';
import { createHealthRouter } from './routes/health-router';
import { createMetricsRouter } from './routes/metrics-router';
import { createPredictRouter } from './routes/predict-router';
import { createSetupRouter } from './routes/setup-router';
import { createWebhookRouter } from './routes/webhook-router';

export const DEFAULT_BODY_LIMIT = '100mb';
/** Label Studio waits 100 s for `/predict`; prelabel answers a little before. */
export const DEFAULT_PREDICT_DEADLINE_MS = 95_000;

export interface AppServices {
  pipelines: ProjectPipelines;
  logger: Logger;
  /** The labeling config each project last sent to /setup, by project id ('' for none). */
  labelConfigs: Map<string, string>;
  predictDeadlineMs: number;
}

export interface AppOptions {
  pipelines: ProjectPipelines;
  logger: Logger;
  authentication?: AuthenticationSettings;
  /** Largest accepted request body, e.g. `100mb`. */
  bodyLimit?: string;
  /** When `/predict` answers with what is finished (default 95 s). */
  predictDeadlineMs?: number;
  /** Where `/webhook` keeps reviewed annotations as few-shot examples. */
  exampleStore?: ExampleStore;
  /** For START_TRAINING's Label Studio API calls (LABEL_STUDIO_URL, LABEL_STUDIO_API_KEY). */
  environment?: NodeJS.ProcessEnv;
  /** Served at `GET /metrics` with request durations added; without it `/metrics` answers `{}`. */
  metricsRegistry?: MetricsRegistry;
}

/** Builds the Label Studio ML backend app without listening, so tests drive it over real HTTP on any port. */
export function createApp(options: AppOptions): Koa {
  const services: AppServices = {
    pipelines: options.pipelines,
    logger: options.logger,
    labelConfigs: new Map(),
    predictDeadlineMs: options.predictDeadlineMs ?? DEFAULT_PREDICT_DEADLINE_MS,
  };
  const app = new Koa();
  app.silent = true;

  if (options.metricsRegistry) app.use(createHttpMetrics(options.metricsRegistry));
  app.use(createErrorHandler(options.logger));
  app.use(createRequestLogger(options.logger));
  const webhookRouter = createWebhookRouter({ exampleStore: options.exampleStore, environment: options.environment ?? process.env });
  // The webhook's own router says which requests it answers, so its credentials rule cannot miss a spelling of the path.
  app.use(createAuthentication(options.authentication ?? {}, (context) => webhookRouter.match(context.path, context.method).route));
  app.use(createJsonBodyParser({ limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT }));
  for (const router of [
    createHealthRouter(),
    createSetupRouter(services),
    createPredictRouter(services),
    webhookRouter,
    createMetricsRouter(options.metricsRegistry),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
