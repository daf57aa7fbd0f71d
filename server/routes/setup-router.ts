import Router from '@koa/router';
import type { Logger } from '../../core/spec/logger';
import { parseSetupRequest } from '../label-studio-requests';
import type { AppServices } from '../create-app';

/**
 * `POST /setup`: builds (or reuses) the project's pipeline for its labeling config and returns its
 * `model_version`. A labeling config or project YAML that cannot work, a missing or refused key, or a model the
 * provider does not serve is a 400 naming the problem and the fix (Label Studio shows it at "Validate and Save").
 */
export function createSetupRouter(services: AppServices): Router {
  const router = new Router();
  router.post('/setup', async (context) => {
    const setup = parseSetupRequest(context.request.body);
    const pipeline = await services.pipelines.setupFor(setup.projectId, setup.labelConfigXml);
    services.labelConfigs.set(setup.projectId ?? '', setup.labelConfigXml);
    if (Object.keys(setup.extraParams).length > 0) {
      (context.state.logger as Logger).info(
        { project: setup.projectId, keys: Object.keys(setup.extraParams) },
        'extra_params from Label Studio are ignored: the project YAML decides the pipeline',
      );
    }
    context.body = { model_version: pipeline.modelVersion };
  });
  return router;
}
