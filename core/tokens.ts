import type { InjectionToken } from 'tsyringe';
import type { ProjectSettings } from './project-settings';
import type { Registry } from './registry';
import type { Logger } from './logger';
import type {
  ConfigParser,
  PromptRenderer,
  ResponseParser,
  ResultMapper,
} from './stages';
import type { LanguageModel } from './language-model';
import type { ModelCandidate, Pipeline } from './pipeline/pipeline';
import type { AnswerCache } from './model-calls/answer-cache';
import type { MediaLoader } from './media-loader';
import type { ExampleSource } from './example-store';
import type { PipelineObserver } from './pipeline-observer';
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
  Pipeline: token<Pipeline>('Pipeline'),
} as const;
