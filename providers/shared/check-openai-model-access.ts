import type OpenAI from 'openai';
import type { ModelAccess } from '../../core/spec/language-model';
import { classifyAccessFailure, type AccessCheckContext } from './classify-access-failure';
import { describeOrigin } from './describe-origin';

export interface OpenAIModelAccessTarget extends AccessCheckContext {
  /** Built with `maxRetries: 0`. */
  client: OpenAI;
  /**
   * For servers that may lack `GET /models/{id}` (vLLM, llama.cpp): a 404 without `model_not_found` falls back to
   * `GET /models`, and a model missing from that list is only reported, since such servers may serve unlisted ids.
   */
  listFallback: boolean;
}

/** Only OpenAI's own "no such model" answer is definite: a 404 from a server without the route is not. */
function isModelNotFound(error: { code?: unknown }): boolean {
  return error.code === 'model_not_found';
}

async function checkListedModels(target: OpenAIModelAccessTarget, signal: AbortSignal): Promise<ModelAccess> {
  try {
    const page = await target.client.models.list({ signal, maxRetries: 0 });
    const ids = page.data.map((model) => model.id);
    if (ids.includes(target.modelId)) return { status: 'granted' };
    return {
      status: 'unverified',
      reason: `${target.apiName} at ${describeOrigin(target.baseURL)} does not list model '${target.modelId}' (it lists ${ids.slice(0, 5).join(', ') || 'none'}${ids.length > 5 ? ', …' : ''})`,
    };
  } catch (error) {
    if (signal.aborted) return { status: 'unverified', reason: `${target.apiName} did not answer the model check in time` };
    return classifyAccessFailure(error, target, () => false);
  }
}

/**
 * Retrieves the model (`GET /models/{id}`) with the project's key: granted, denied (no such model, key refused), or
 * unverified (no answer in time, a server error, a server without the endpoint).
 */
export async function checkOpenAIModelAccess(target: OpenAIModelAccessTarget, signal: AbortSignal): Promise<ModelAccess> {
  try {
    await target.client.models.retrieve(target.modelId, { signal, maxRetries: 0 });
    return { status: 'granted' };
  } catch (error) {
    if (signal.aborted) return { status: 'unverified', reason: `${target.apiName} did not answer the model check in time` };
    const status = (error as { status?: unknown }).status;
    if (target.listFallback && status === 404 && !isModelNotFound(error as { code?: unknown })) return checkListedModels(target, signal);
    return classifyAccessFailure(error, target, isModelNotFound);
  }
}
