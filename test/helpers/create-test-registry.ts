import type { LabelConfig } from '../../core/spec/label-config';
import { Registry } from '../../core/registry';
import type { CompiledPrompt, ConfigParser, MappedResults, ParsedResponse, PromptRenderer, ResponseParser, ResultMapper } from '../../core/spec/stages';
import { DEFAULT_PROVIDER_NAME, DEFAULT_STAGE_NAMES } from '../../config/default-stage-names';
import { FakeLanguageModel } from './fake-language-model';

/** Stand-ins registered under the default stage and provider names: for tests of config loading, which never run them. */
class FakeConfigParser implements ConfigParser {
  readonly specificationVersion = 'v1';
  parse(): LabelConfig {
    return { objects: [], controls: [] };
  }
}
class FakePromptRenderer implements PromptRenderer {
  readonly specificationVersion = 'v1';
  compile(): CompiledPrompt {
    return { fingerprint: 'fake', imageFields: [], render: () => [] };
  }
}
class FakeResponseParser implements ResponseParser {
  readonly specificationVersion = 'v1';
  parse(): ParsedResponse {
    return { answers: new Map() };
  }
}
class FakeResultMapper implements ResultMapper {
  readonly specificationVersion = 'v1';
  map(): MappedResults {
    return { results: [], dropped: [] };
  }
}

export function createTestRegistry(): Registry {
  const registry = new Registry();
  // The shared fake model, never asked here: config tests load files, they do not predict.
  registry.register('provider', DEFAULT_PROVIDER_NAME, {
    create: () => new FakeLanguageModel({ provider: 'openai', modelId: 'fake', structuredOutput: 'none', answer: () => new Error('not called') }),
  });
  registry.register('config-parser', DEFAULT_STAGE_NAMES.configParser, FakeConfigParser);
  registry.register('prompt-renderer', DEFAULT_STAGE_NAMES.promptRenderer, FakePromptRenderer);
  registry.register('response-parser', DEFAULT_STAGE_NAMES.responseParser, FakeResponseParser);
  registry.register('result-mapper', DEFAULT_STAGE_NAMES.resultMapper, FakeResultMapper);
  return registry;
}

