import type { ExampleSource } from '../../core/spec/example-store';
import type { LanguageModel } from '../../core/spec/language-model';
import { silentLogger, type Logger } from '../../core/spec/logger';
import type { MediaLoader } from '../../core/spec/media-loader';
import { silentObserver, type PipelineObserver } from '../../core/spec/pipeline-observer';
import type { ProjectSettings } from '../../core/spec/project-settings';
import { AnswerCache } from '../../core/model-calls/answer-cache';
import { ProviderGates } from '../../core/model-calls/provider-gates';
import { createPipeline } from '../../core/pipeline/create-pipeline';
import type { Pipeline } from '../../core/pipeline/pipeline';
import { Registry } from '../../core/registry';
import { LabelStudioXmlConfigParser } from '../../core/label-config/label-config-parser';
import { JsonResponseParser } from '../../core/stages/json-response-parser';
import { LabelStudioResultMapper } from '../../core/stages/label-studio-result-mapper';
import { TemplatePromptRenderer } from '../../core/stages/template-prompt-renderer';
import { registerBuiltinTasks } from '../../tasks';
import { InMemoryResponseCache } from './in-memory-response-cache';

/** A project with no reviewed examples. */
const noExamples: ExampleSource = { generation: () => 0, select: () => [] };

/** Text-only tests load no media: a call is a test bug, said loudly. */
const noMedia: MediaLoader = { load: ({ url }) => Promise.reject(new Error(`the core test tier loads no media (asked for ${url})`)) };

/**
 * One project's pipeline from core parts only (the default stages, the built-in tasks, in-memory ports) around the
 * given model: the core tier is tested without server/ (no SQLite, no composition root, no HTTP).
 */
export function createTestPipeline(options: {
  model: LanguageModel;
  settings: ProjectSettings;
  labelConfigXml: string;
  logger?: Logger;
  observer?: PipelineObserver;
}): Pipeline {
  const { settings } = options;
  const registry = new Registry();
  registerBuiltinTasks(registry);
  const gate = new ProviderGates().gateFor('test', settings);
  return createPipeline({
    settings,
    labelConfigXml: options.labelConfigXml,
    projectId: 'test',
    registry,
    candidates: [{ model: options.model, gate, provider: settings.provider }],
    stages: {
      configParser: new LabelStudioXmlConfigParser(),
      promptRenderer: new TemplatePromptRenderer(),
      responseParser: new JsonResponseParser(),
      resultMapper: new LabelStudioResultMapper(),
    },
    answers: new AnswerCache(new InMemoryResponseCache()),
    observer: options.observer ?? silentObserver,
    logger: options.logger ?? silentLogger,
    mediaLoader: noMedia,
    exampleSource: noExamples,
  });
}
