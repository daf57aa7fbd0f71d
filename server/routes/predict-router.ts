import Router from '@koa/router';
import { RequestInvalidError } from '../../core/errors';
import { parsePredictRequest } from '../label-studio-requests';
import type { AppServices } from '../create-app';

/**
 * `POST /predict`: exactly one prediction per task, in task order. A task that fails gets `result: []` (its error
 * is logged with the task id); the batch still succeeds. The answer comes before Label Studio's 100 s timeout:
 * tasks not finished by the deadline get an empty prediction and finish in the background, into the cache.
 */
export function createPredictRouter(services: AppServices): Router {
  const router = new Router();
  router.post('/predict', async (context) => {
    const request = parsePredictRequest(context.request.body);
    const labelConfigXml = request.labelConfigXml ?? services.labelConfigs.get(request.projectId ?? '');
    if (labelConfigXml === undefined) {
      throw new RequestInvalidError('field "label_config" is missing and no /setup has given one for this project');
    }
    const pipeline = services.pipelines.pipelineFor(request.projectId, labelConfigXml);
    const outcomes = await pipeline.predictAll(request.tasks, { context: request.context, deadlineMs: services.predictDeadlineMs });
    context.body = { results: outcomes.map((outcome) => outcome.prediction) };
  });
  return router;
}
