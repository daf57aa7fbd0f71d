import Router from '@koa/router';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics`: the registry's metrics in the Prometheus text format. Without a registry it answers `{}`, as the
 * Python ML backend SDK does; Label Studio never calls it.
 */
export function createMetricsRouter(registry?: Registry): Router {
  const router = new Router();
  router.get('/metrics', async (context) => {
    if (!registry) {
      context.body = {};
      return;
    }
    context.body = await registry.metrics();
    context.set('Content-Type', registry.contentType);
  });
  return router;
}
