import type { InjectionToken } from 'tsyringe';
import type { ProjectSettings } from './spec/project-settings';
import type { Registry } from './registry';
import type { Logger } from './spec/logger';
import type {
  ConfigParser,
  PromptRenderer,
  ResponseParser,
  ResultMapper,
} from './spec/stages';
import type { LanguageModel } from './spec/language-model';
import type { ModelCandidate } from './model-calls/model-candidate';
import type { ProjectPipeline } from './spec/project-pipeline';
import type { PreparedPipeline } from './pipeline/prepare-pipeline';
import type { AnswerReader } from './pipeline/repair-answer';
import type { FallbackLanguageModel } from './model-calls/fallback-language-model';
import type { AnswerCache } from './model-calls/answer-cache';
import type { MediaLoader } from './spec/media-loader';
import type { ExampleSource } from './spec/example-store';
import type { PipelineObserver } from './spec/pipeline-observer';
import type { ProviderGates } from './model-calls/provider-gates';

/** A symbol token that carries the type it resolves to, so `container.resolve(TOKENS.X)` is typed. */
function token<T>(description: string): InjectionToken<T> {
  return Symbol.for(`prelabel.${description}`) as InjectionToken<T>;
}

/** Every dependency-injection token of prelabel, in one place. */
export const TOKENS = {
  /** Root scope. */
  Registry: token<Registry>('Registry'),
  Logger: token<Logger>('Logger'),
  Environment: token<NodeJS.ProcessEnv>('Environment'),
  AnswerCache: token<AnswerCache>('AnswerCache'),
  ProviderGates: token<ProviderGates>('ProviderGates'),
  PipelineObserver: token<PipelineObserver>('PipelineObserver'),
  /** Project scope (one child container per Label Studio project). */
  ProjectId: token<string>('ProjectId'),
  ProjectSettings: token<ProjectSettings>('ProjectSettings'),
  ModelCandidates: token<ModelCandidate[]>('ModelCandidates'),
  MediaLoader: token<MediaLoader>('MediaLoader'),
  ExampleSource: token<ExampleSource>('ExampleSource'),
  LabelConfigXml: token<string>('LabelConfigXml'),
  ConfigParser: token<ConfigParser>('ConfigParser'),
  PromptRenderer: token<PromptRenderer>('PromptRenderer'),
  LanguageModel: token<LanguageModel>('LanguageModel'),
  ResponseParser: token<ResponseParser>('ResponseParser'),
  ResultMapper: token<ResultMapper>('ResultMapper'),
  /** What the pipeline works from, made once per project (core/pipeline/prepare-pipeline.ts). */
  PreparedPipeline: token<PreparedPipeline>('PreparedPipeline'),
  /** Every model call of the project: cache, retries, gate and fallbacks (core/model-calls/compose-model-calls.ts). */
  ModelCalls: token<FallbackLanguageModel>('ModelCalls'),
  AnswerReader: token<AnswerReader>('AnswerReader'),
  Pipeline: token<ProjectPipeline>('Pipeline'),
} as const;
