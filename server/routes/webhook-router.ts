import Router from '@koa/router';
import type { ExampleStore } from '../../core/spec/example-store';
import { describeError } from '../../core/errors';
import type { Logger } from '../../core/spec/logger';
import { parseProjectId } from '../label-studio-requests';
import { fetchProjectExamples } from '../learning/fetch-project-examples';
import { readWebhookExamples } from '../learning/read-webhook-examples';

export interface WebhookServices {
  /** Where reviewed annotations are kept as few-shot examples; without one every event is ignored. */
  exampleStore?: ExampleStore;
  environment: NodeJS.ProcessEnv;
}

/**
 * `POST /webhook`: Label Studio posts every project event here with a 1 s timeout. Annotation events feed the
 * project's few-shot examples (stored after the answer is sent); START_TRAINING re-reads every annotation from the
 * Label Studio API in the background. Every other action, and odd payloads, get `200 {"status":"Unknown event"}`.
 */
export function createWebhookRouter(services: WebhookServices): Router {
  const router = new Router();
  router.post('/webhook', (context) => {
    const logger = context.state.logger as Logger;
    const body = context.request.body as { action?: unknown; project?: { id?: unknown } } | undefined;
    const action = typeof body?.action === 'string' ? body.action : null;
    const store = services.exampleStore;
    const examples = store ? readWebhookExamples(body) : null;
    if (store && examples) {
      setImmediate(() => {
        try {
          store.remove(examples.projectId, examples.deletions);
          store.upsert(examples.upserts);
          logger.info({ action, project: examples.projectId, stored: examples.upserts.length, removed: examples.deletions.length }, 'examples updated');
        } catch (error) {
          logger.error({ action, error: describeError(error) }, 'examples could not be updated');
        }
      });
      context.status = 201;
      context.body = { result: null, status: 'ok' };
      return;
    }
    const projectId = parseProjectId(body?.project?.id);
    if (store && action === 'START_TRAINING' && projectId !== null) {
      logger.info({ project: projectId }, 'START_TRAINING: reading every annotation from Label Studio in the background');
      fetchProjectExamples({ projectId, environment: services.environment, logger })
        .then((fetched) => {
          store.replaceProject(projectId, fetched);
          logger.info({ project: projectId, examples: fetched.length }, 'START_TRAINING: examples rebuilt');
        })
        .catch((error: unknown) => logger.error({ project: projectId, error: describeError(error) }, 'START_TRAINING: examples not rebuilt'));
      context.status = 201;
      context.body = { result: null, status: 'ok' };
      return;
    }
    logger.debug({ action }, 'webhook event ignored');
    context.status = 200;
    context.body = { status: 'Unknown event' };
  });
  return router;
}
