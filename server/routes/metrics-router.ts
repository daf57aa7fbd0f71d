import Router from '@koa/router';

/** `GET /metrics`: what the Python ML backend SDK answers; Label Studio never calls it. */
export function createMetricsRouter(): Router {
  const router = new Router();
  router.get('/metrics', (context) => {
    context.body = {};
  });
  return router;
}
