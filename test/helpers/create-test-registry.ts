import type { LabelConfig } from '../../core/spec/label-config';
import type { LanguageModel, LanguageModelResult } from '../../core/spec/language-model';
import { Registry } from '../../core/registry';
import type { CompiledPrompt, ConfigParser, MappedResults, ParsedResponse, PromptRenderer, ResponseParser, ResultMapper } from '../../core/spec/stages';
import { DEFAULT_PROVIDER_NAME, DEFAULT_STAGE_NAMES } from '../../config/default-stage-names';

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
class FakeLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1';
  readonly provider = 'openai';
  readonly modelId = 'fake';
  readonly structuredOutput = 'none';
  readonly acceptsImages = false;
  generate(): Promise<LanguageModelResult> {
    return Promise.reject(new Error('not called'));
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
  registry.register('provider', DEFAULT_PROVIDER_NAME, FakeLanguageModel);
  registry.register('config-parser', DEFAULT_STAGE_NAMES.configParser, FakeConfigParser);
  registry.register('prompt-renderer', DEFAULT_STAGE_NAMES.promptRenderer, FakePromptRenderer);
  registry.register('response-parser', DEFAULT_STAGE_NAMES.responseParser, FakeResponseParser);
  registry.register('result-mapper', DEFAULT_STAGE_NAMES.resultMapper, FakeResultMapper);
  return registry;
}

