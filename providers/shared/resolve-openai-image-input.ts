import type { ProviderSettings } from '../../core/spec/project-settings';
import { baseModelId } from './resolve-openai-structured-output';

/** OpenAI chat models that take no images; the GPT-4o, GPT-4.1, GPT-5, o1/o3/o4 families and GPT-4 Turbo do. */
const TEXT_ONLY_MODELS: readonly RegExp[] = [/^gpt-4(-0613|-0314|-32k.*)?$/, /^gpt-4-(1106|0125)-preview$/, /^gpt-3\.5/, /^o1-(mini|preview)/, /^o3-mini/];

/** Whether to send images to this model: the YAML's `provider.accepts_images`, else what the model id says. */
export function resolveOpenAIImageInput(provider: Pick<ProviderSettings, 'model' | 'acceptsImages'>): boolean {
  if (provider.acceptsImages !== undefined) return provider.acceptsImages;
  const modelId = baseModelId(provider.model);
  return !TEXT_ONLY_MODELS.some((pattern) => pattern.test(modelId));
}
