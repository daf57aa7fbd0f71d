import { container as globalContainer, type DependencyContainer } from 'tsyringe';
import type { Logger } from '../core/logger';
import { Registry } from '../core/registry';
import { TOKENS } from '../core/tokens';
import { ProjectConfigStore } from '../config/project-config-store';
import { registerBuiltinComponents } from './register-builtin-components';
import { ProjectPipelines } from './project-pipelines';

export interface RootServices {
  container: DependencyContainer;
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
}): RootServices {
  const { environment, logger } = options;
  const container = globalContainer.createChildContainer();
  const registry = registerBuiltinComponents(new Registry());
  container.registerInstance(TOKENS.Registry, registry);
  container.registerInstance(TOKENS.Logger, logger);
  container.registerInstance(TOKENS.Environment, environment);
  const directory = options.projectsDirectory ?? environment.PRELABEL_PROJECTS_DIR ?? 'projects';
  const store = new ProjectConfigStore({ directory, environment, registry, logger });
  return { container, store, pipelines: new ProjectPipelines(container, store, logger), logger, environment };
}
