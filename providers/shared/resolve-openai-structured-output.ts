import type { StructuredOutputMode } from '../../core/spec/language-model';
import type { ProviderSettings } from '../../core/spec/project-settings';

/** First match wins; ids that match nothing get `json_schema`. */
const STRUCTURED_OUTPUT_BY_MODEL: ReadonlyArray<{ pattern: RegExp; mode: StructuredOutputMode }> = [
  { pattern: /^gpt-4o-2024-05-13$/, mode: 'json_object' },
  { pattern: /^gpt-4-turbo/, mode: 'json_object' },
  { pattern: /^gpt-4-(1106|0125)-preview$/, mode: 'json_object' },
  { pattern: /^gpt-4-(1106-)?vision-preview$/, mode: 'none' },
  { pattern: /^gpt-4(-0613|-0314|-32k.*)?$/, mode: 'none' },
  { pattern: /^gpt-3\.5-turbo-(0301|0613|16k.*|instruct.*)$/, mode: 'none' },
  { pattern: /^gpt-3\.5-turbo/, mode: 'json_object' },
  { pattern: /^o1-(mini|preview)/, mode: 'none' },
];

/** `gpt-4o` from `openai/gpt-4o` (routers) or `ft:gpt-4o-2024-08-06:org::id` (fine-tuned models). */
export function baseModelId(modelId: string): string {
  const withoutFineTune = modelId.startsWith('ft:') ? (modelId.split(':')[1] ?? '') : modelId;
  return withoutFineTune.slice(withoutFineTune.lastIndexOf('/') + 1).toLowerCase();
}

/** The structured output to ask an OpenAI model for: the configured mode, or for `auto` what the model supports. */
export function resolveOpenAIStructuredOutput(
  provider: Pick<ProviderSettings, 'model' | 'structuredOutput'>,
): StructuredOutputMode {
  if (provider.structuredOutput !== 'auto') return provider.structuredOutput;
  const modelId = baseModelId(provider.model);
  return STRUCTURED_OUTPUT_BY_MODEL.find(({ pattern }) => pattern.test(modelId))?.mode ?? 'json_schema';
}
