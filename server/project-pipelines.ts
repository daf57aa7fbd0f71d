import type { DependencyContainer } from 'tsyringe';
import type { Logger } from '../core/spec/logger';
import { createPipeline } from '../core/pipeline/create-pipeline';
import type { ModelCandidate } from '../core/model-calls/model-candidate';
import type { ProjectPipeline } from '../core/spec/project-pipeline';
import { LabelStudioMediaLoader } from './media/label-studio-media-loader';
import type { ProjectSettings } from '../core/spec/project-settings';
import { isComponentFactory, type ComponentImplementation, type Constructor, type Registry } from '../core/registry';
import { TOKENS } from '../core/tokens';
import type { ProjectConfigStore } from '../config/project-config-store';
import { registerProjectWith } from './metrics/prometheus-observer';
import { checkProjectReadiness } from './check-project-readiness';
import { ModelAccessChecks } from './model-access-checks';

interface ProjectEntry {
  /** The settings as JSON: a reloaded file with the same content keeps its pipeline. */
  settingsJson: string;
  labelConfigXml: string;
  container: DependencyContainer;
  pipeline: ProjectPipeline;
}

/**
 * One child container and pipeline per Label Studio project, rebuilt when the project's YAML (hot reloaded) or its
 * labeling config changes.
 */
export class ProjectPipelines {
  private readonly projects = new Map<string, ProjectEntry>();

  constructor(
    private readonly root: DependencyContainer,
    private readonly store: ProjectConfigStore,
    private readonly logger: Logger,
    readonly accessChecks: ModelAccessChecks = new ModelAccessChecks(),
  ) {}

  /**
   * `/setup`: the project's pipeline once it can work. Throws the first problem (no key, a refused key, a model the
   * provider does not serve, nothing to fill, a control on an object prelabel cannot read); logs the warnings.
   */
  async setupFor(projectId: string | null, labelConfigXml: string): Promise<ProjectPipeline> {
    const pipeline = this.pipelineFor(projectId, labelConfigXml);
    const entry = this.projects.get(projectId ?? '') as ProjectEntry;
    const readiness = await checkProjectReadiness({
      pipeline,
      candidates: entry.container.resolve(TOKENS.ModelCandidates),
      settings: entry.container.resolve(TOKENS.ProjectSettings),
      accessChecks: this.accessChecks,
    });
    const projectLogger = this.logger.child({ project: projectId });
    for (const warning of readiness.warnings) projectLogger.warn({}, warning);
    const [problem] = readiness.problems;
    if (problem) throw problem;
    return pipeline;
  }

  /** The pipeline for a project (`null` when Label Studio did not say which) and labeling config. */
  pipelineFor(projectId: string | null, labelConfigXml: string): ProjectPipeline {
    this.store.refresh();
    const { settings, source } = this.store.settingsFor(projectId);
    const key = projectId ?? '';
    const known = this.projects.get(key);
    const settingsJson = JSON.stringify(settings);
    if (known && known.settingsJson === settingsJson && known.labelConfigXml === labelConfigXml) return known.pipeline;

    registerProjectWith(this.root.resolve(TOKENS.PipelineObserver), key || 'none', settings);
    const container = createProjectContainer(this.root, settings, labelConfigXml, key || 'none');
    const pipeline = container.resolve(TOKENS.Pipeline);
    if (known) void known.container.dispose();
    this.projects.set(key, { settingsJson, labelConfigXml, container, pipeline });
    const projectLogger = this.logger.child({ project: projectId });
    projectLogger.info(
      {
        source,
        modelVersion: pipeline.modelVersion,
        provider: settings.provider.name,
        model: settings.provider.model,
        controls: pipeline.targets.map((target) => `${target.control.name} (${target.task.name})`),
      },
      'project pipeline ready',
    );
    if (pipeline.skipped.length > 0) {
      projectLogger.info({ skipped: pipeline.skipped }, 'controls prelabel does not fill are skipped');
    }
    return pipeline;
  }
}

/** A registration of a class (resolved by tsyringe) or of a factory (given settings, environment and logger). */
function registrationOf<T>(implementation: ComponentImplementation<T>): { useClass: Constructor<T> } | { useFactory: (scope: DependencyContainer) => T } {
  if (!isComponentFactory(implementation)) return { useClass: implementation };
  return {
    useFactory: (scope) =>
      implementation.create({
        settings: scope.resolve(TOKENS.ProjectSettings),
        environment: scope.resolve(TOKENS.Environment),
        logger: scope.resolve(TOKENS.Logger),
      }),
  };
}

/** The project scope: settings, labeling config and the stages the settings name, resolved from the registry. */
export function createProjectContainer(
  root: DependencyContainer,
  settings: ProjectSettings,
  labelConfigXml: string,
  projectId = 'none',
): DependencyContainer {
  const registry: Registry = root.resolve(TOKENS.Registry);
  const gates = root.resolve(TOKENS.ProviderGates);
  const container = root.createChildContainer();
  container.registerInstance(TOKENS.ProjectId, projectId);
  container.registerInstance(TOKENS.ProjectSettings, settings);
  container.registerInstance(TOKENS.LabelConfigXml, labelConfigXml);
  container.register(TOKENS.ConfigParser, registrationOf(registry.get('config-parser', settings.stages.configParser)) as never);
  container.register(TOKENS.PromptRenderer, registrationOf(registry.get('prompt-renderer', settings.stages.promptRenderer)) as never);
  container.register(TOKENS.ResponseParser, registrationOf(registry.get('response-parser', settings.stages.responseParser)) as never);
  container.register(TOKENS.ResultMapper, registrationOf(registry.get('result-mapper', settings.stages.resultMapper)) as never);

  // The provider and each fallback: its own scope, where ProjectSettings.provider is that provider.
  const candidates: ModelCandidate[] = [settings.provider, ...settings.fallbacks].map((provider, index) => {
    const scope = container.createChildContainer();
    scope.registerInstance(TOKENS.ProjectSettings, { ...settings, provider });
    scope.register(TOKENS.LanguageModel, registrationOf(registry.get('provider', provider.name)) as never);
    const gate = gates.gateFor(index === 0 ? projectId : `${projectId}#fallback${index}`, { provider, concurrency: settings.concurrency });
    return { model: scope.resolve(TOKENS.LanguageModel), gate, provider };
  });
  container.registerInstance(TOKENS.ModelCandidates, candidates);
  container.registerInstance(
    TOKENS.MediaLoader,
    new LabelStudioMediaLoader({ ...settings.media, environment: root.resolve(TOKENS.Environment), logger: root.resolve(TOKENS.Logger) }),
  );
  try {
    registerPipeline(container, settings, labelConfigXml, projectId, candidates);
  } catch (error) {
    void container.dispose();
    throw error;
  }
  return container;
}

/** The runner, built from the project scope's stages and the root's ports (core/pipeline/create-pipeline.ts). */
function registerPipeline(container: DependencyContainer, settings: ProjectSettings, labelConfigXml: string, projectId: string, candidates: ModelCandidate[]): void {
  const pipeline = createPipeline({
    settings,
    labelConfigXml,
    projectId,
    registry: container.resolve(TOKENS.Registry),
    candidates,
    stages: {
      configParser: container.resolve(TOKENS.ConfigParser),
      promptRenderer: container.resolve(TOKENS.PromptRenderer),
      responseParser: container.resolve(TOKENS.ResponseParser),
      resultMapper: container.resolve(TOKENS.ResultMapper),
    },
    answers: container.resolve(TOKENS.AnswerCache),
    observer: container.resolve(TOKENS.PipelineObserver),
    logger: container.resolve(TOKENS.Logger),
    mediaLoader: container.resolve(TOKENS.MediaLoader),
    exampleSource: container.resolve(TOKENS.ExampleSource),
  });
  container.registerInstance(TOKENS.Pipeline, pipeline);
}
