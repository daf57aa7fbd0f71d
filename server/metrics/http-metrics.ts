import type { Middleware } from 'koa';
import { Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './prometheus-observer';

export const HTTP_REQUEST_DURATION_METRIC = `${METRIC_PREFIX}http_request_duration_seconds`;
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 100];
/** The route label of requests no route handled (unknown paths, requests refused before routing). */
export const UNMATCHED_ROUTE = 'unmatched';

type HttpLabel = 'method' | 'route' | 'status';

/**
 * Outermost middleware: records each request's duration by method, matched route path (`/predict`, never the raw
 * URL with its query) and final status, errors included.
 */
export function createHttpMetrics(registry: Registry): Middleware {
  const histogram =
    (registry.getSingleMetric(HTTP_REQUEST_DURATION_METRIC) as Histogram<HttpLabel> | undefined) ??
    new Histogram<HttpLabel>({
      name: HTTP_REQUEST_DURATION_METRIC,
      help: 'HTTP request duration, by method, matched route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    });
  return async (context, next) => {
    const started = performance.now();
    let status = 500;
    try {
      await next();
      status = context.status;
    } catch (error) {
      const thrownStatus = (error as { status?: unknown } | null)?.status;
      if (typeof thrownStatus === 'number') status = thrownStatus;
      throw error;
    } finally {
      const matched = (context as { _matchedRoute?: string | RegExp })._matchedRoute;
      const route = matched === undefined ? UNMATCHED_ROUTE : String(matched);
      histogram.observe({ method: context.method, route, status: String(status) }, (performance.now() - started) / 1000);
    }
  };
}
