import { baseModelId } from '../shared/resolve-openai-structured-output';

/**
 * The OpenAI model id a deployment runs, for deciding what it supports: `provider.options.base_model`, else
 * `provider.model`. Azure spells GPT-3.5 `gpt-35-turbo`; that becomes `gpt-3.5-turbo`.
 */
export function resolveAzureOpenAIBaseModel(model: string, baseModel: string | undefined): string {
  return baseModelId(baseModel ?? model).replace(/^gpt-35\b/, 'gpt-3.5');
}
