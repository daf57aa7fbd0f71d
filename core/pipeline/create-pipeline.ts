import type { AnswerCache } from '../model-calls/answer-cache';
import { composeModelCalls } from '../model-calls/compose-model-calls';
import type { ModelCandidate } from '../model-calls/model-candidate';
import type { Registry } from '../registry';
import type { ExampleSource } from '../spec/example-store';
import type { Logger } from '../spec/logger';
import type { MediaLoader } from '../spec/media-loader';
import type { PipelineObserver } from '../spec/pipeline-observer';
import type { ProjectSettings } from '../spec/project-settings';
import type { ConfigParser, PromptRenderer, ResponseParser, ResultMapper } from '../spec/stages';
import { isUsableAnswer } from './language-model-result';
import { Pipeline } from './pipeline';
import { formatOf, preparePipeline } from './prepare-pipeline';
import { AnswerReader } from './repair-answer';

export interface CreatePipelineOptions {
  settings: ProjectSettings;
  labelConfigXml: string;
  projectId: string;
  /** Where the tasks are looked up by name. */
  registry: Registry;
  /** The project's provider, then its fallbacks, each with its model and gate. */
  candidates: ModelCandidate[];
  stages: { configParser: ConfigParser; promptRenderer: PromptRenderer; responseParser: ResponseParser; resultMapper: ResultMapper };
  answers: AnswerCache;
  observer: PipelineObserver;
  logger: Logger;
  mediaLoader: MediaLoader;
  exampleSource: ExampleSource;
}

/**
 * Builds one project's pipeline from its parts: stage 1 and the rest of the per-project preparation (throws
 * LabelConfigError), the answer reader, and every model call composed in one place
 * (core/model-calls/compose-model-calls.ts). The composition root (server/project-pipelines.ts) calls it with the
 * stages and ports the project's YAML names; tests call it with in-memory ones.
 */
export function createPipeline(options: CreatePipelineOptions): Pipeline {
  const { settings, stages } = options;
  const prepared = preparePipeline({
    settings,
    labelConfigXml: options.labelConfigXml,
    registry: options.registry,
    configParser: stages.configParser,
    promptRenderer: stages.promptRenderer,
    candidates: options.candidates,
    projectId: options.projectId,
  });
  const reader = new AnswerReader((text, format) => stages.responseParser.parse({ text, targets: prepared.targets, format }));
  const modelCalls = composeModelCalls({
    candidates: prepared.candidates,
    answers: options.answers,
    retry: settings.retry,
    observer: options.observer,
    logger: options.logger,
    // Never cache an answer that needs repairing: the next request asks again rather than repeat it.
    isUsable: (result, index) => isUsableAnswer(result) && reader.isSound(result, formatOf(prepared.candidates[index] as (typeof prepared.candidates)[number])),
  });
  return new Pipeline(settings, prepared, modelCalls, reader, stages.resultMapper, options.logger, options.observer, options.mediaLoader, options.exampleSource);
}
