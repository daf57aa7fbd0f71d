import Router from '@koa/router';
import type { Logger } from '../../core/logger';

/**
 * `POST /webhook`: Label Studio posts every project event here with a 1 s timeout. Every action, including bulk
 * and unknown ones and odd payloads, gets an answer at once.
 */
export function createWebhookRouter(): Router {
  const router = new Router();
  router.post('/webhook', (context) => {
    const body = context.request.body as { action?: unknown } | undefined;
    const action = typeof body?.action === 'string' ? body.action : null;
    (context.state.logger as Logger).debug({ action }, 'webhook event ignored');
    context.status = 200;
    context.body = { status: 'Unknown event' };
  });
  return router;
}
