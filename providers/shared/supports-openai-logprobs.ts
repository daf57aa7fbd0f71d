import { baseModelId } from './resolve-openai-structured-output';

/**
 * Reasoning models reject `logprobs` ("logprobs is not supported with this model"): the o-series and GPT-5, except the
 * non-reasoning `gpt-5-chat` snapshots.
 */
const MODELS_WITHOUT_LOGPROBS: readonly RegExp[] = [/^o\d/, /^gpt-5(?!-chat)/];

/** Whether an OpenAI model (id as configured: routed `openai/…` and fine-tuned `ft:…` ids allowed) returns logprobs. */
export function supportsOpenAILogprobs(modelId: string): boolean {
  const baseModel = baseModelId(modelId);
  return !MODELS_WITHOUT_LOGPROBS.some((pattern) => pattern.test(baseModel));
}
