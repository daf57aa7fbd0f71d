import { LABEL_STUDIO_XML_CONFIG_PARSER, LabelStudioXmlConfigParser } from '../core/label-config/label-config-parser';
import { JSON_RESPONSE_PARSER, JsonResponseParser } from '../core/stages/json-response-parser';
import { LABEL_STUDIO_RESULT_MAPPER, LabelStudioResultMapper } from '../core/stages/label-studio-result-mapper';
import type { Registry } from '../core/registry';
import { TEMPLATE_PROMPT_RENDERER, TemplatePromptRenderer } from '../core/stages/template-prompt-renderer';
import { ANTHROPIC_PROVIDER, AnthropicLanguageModel } from '../providers/anthropic';
import { AZURE_OPENAI_PROVIDER, AzureOpenAILanguageModel } from '../providers/azure-openai';
import { OPENAI_PROVIDER, OpenAILanguageModel } from '../providers/openai';
import { OPENAI_COMPATIBLE_PROVIDER, OpenAICompatibleLanguageModel } from '../providers/openai-compatible';
import { registerBuiltinTasks } from '../tasks';

/** Registers every built-in stage implementation, provider and task under its name. */
export function registerBuiltinComponents(registry: Registry): Registry {
  registry.register('config-parser', LABEL_STUDIO_XML_CONFIG_PARSER, LabelStudioXmlConfigParser);
  registry.register('prompt-renderer', TEMPLATE_PROMPT_RENDERER, TemplatePromptRenderer);
  registry.register('provider', OPENAI_PROVIDER, OpenAILanguageModel);
  registry.register('provider', ANTHROPIC_PROVIDER, AnthropicLanguageModel);
  registry.register('provider', AZURE_OPENAI_PROVIDER, AzureOpenAILanguageModel);
  registry.register('provider', OPENAI_COMPATIBLE_PROVIDER, OpenAICompatibleLanguageModel);
  registry.register('response-parser', JSON_RESPONSE_PARSER, JsonResponseParser);
  registry.register('result-mapper', LABEL_STUDIO_RESULT_MAPPER, LabelStudioResultMapper);
  registerBuiltinTasks(registry);
  return registry;
}
