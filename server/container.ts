import { container as globalContainer, type DependencyContainer } from 'tsyringe';
import { describeError } from '../core/errors';
import type { Logger } from '../core/spec/logger';
import { Registry } from '../core/registry';
import { TOKENS } from '../core/tokens';
import { ProjectConfigStore } from '../config/project-config-store';
import { AnswerCache } from '../core/model-calls/answer-cache';
import { silentObserver, type PipelineObserver } from '../core/spec/pipeline-observer';
import { ProviderGates } from '../core/model-calls/provider-gates';
import type { ResponseCache } from '../core/spec/response-cache';
import { createResponseCache } from './cache/create-response-cache';
import type { ExampleStore } from '../core/spec/example-store';
import { exampleStoreFile, SqliteExampleStore } from './learning/sqlite-example-store';
import { StoreExampleSource } from './learning/store-example-source';
import { registerBuiltinComponents } from './register-builtin-components';
import { ProjectPipelines } from './project-pipelines';

export interface RootServices {
  container: DependencyContainer;
  cache: ResponseCache;
  gates: ProviderGates;
  exampleStore: ExampleStore;
  store: ProjectConfigStore;
  pipelines: ProjectPipelines;
  logger: Logger;
  environment: NodeJS.ProcessEnv;
}

/**
 * The composition root: the only place (with the project scope in project-pipelines.ts) that registers anything.
 * Its container is a child of tsyringe's global one, so nothing registered here leaks between instances.
 */
export function createRootServices(options: {
  environment: NodeJS.ProcessEnv;
  logger: Logger;
  projectsDirectory?: string;
  /** Default: SQLite under PRELABEL_DATA_DIR, or Redis with REDIS_URL (see createResponseCache). */
  cache?: ResponseCache;
  observer?: PipelineObserver;
  /** Default: SQLite next to the cache, under PRELABEL_DATA_DIR. */
  exampleStore?: ExampleStore;
}): RootServices {
  const { environment, logger } = options;
  const cache = options.cache ?? createResponseCache({ environment, logger });
  const gates = new ProviderGates();
  const exampleStore = options.exampleStore ?? new SqliteExampleStore({ file: exampleStoreFile(environment) });
  const container = globalContainer.createChildContainer();
  const registry = registerBuiltinComponents(new Registry());
  container.registerInstance(TOKENS.Registry, registry);
  container.registerInstance(TOKENS.Logger, logger);
  container.registerInstance(TOKENS.Environment, environment);
  container.registerInstance(TOKENS.AnswerCache, new AnswerCache(cache));
  container.registerInstance(TOKENS.ProviderGates, gates);
  container.registerInstance(TOKENS.ExampleSource, new StoreExampleSource(exampleStore));
  container.registerInstance(TOKENS.PipelineObserver, options.observer ?? silentObserver);
  const directory = options.projectsDirectory ?? environment.PRELABEL_PROJECTS_DIR ?? 'projects';
  const store = new ProjectConfigStore({ directory, environment, registry, logger });
  return { container, cache, gates, exampleStore, store, pipelines: new ProjectPipelines(container, store, logger), logger, environment };
}

/** Stops the provider gates' timers and closes the stores (SQLite files, a Redis connection that would keep the process alive). */
export async function closeRootServices(services: RootServices): Promise<void> {
  services.gates.shutdown();
  services.exampleStore.close();
  try {
    await services.cache.close();
  } catch (error) {
    services.logger.error({ error: describeError(error) }, 'the response cache did not close cleanly');
  }
}
