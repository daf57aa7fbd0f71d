import Router from '@koa/router';

/** `GET /health` and `GET /`: answered at once, never waiting on a model (Label Studio waits 1 s). */
export function createHealthRouter(): Router {
  const router = new Router();
  const health = { status: 'UP', model_class: 'prelabel' };
  router.get('/health', (context) => {
    context.body = health;
  });
  router.get('/', (context) => {
    context.body = health;
  });
  return router;
}
