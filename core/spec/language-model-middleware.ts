/**
 * Model-call middleware, in the AI SDK's shape (`LanguageModelV3Middleware.wrapGenerate`): cache, retry, gate and
 * observation wrap `LanguageModel.generate`, so the runner makes one `generate` call per model call.
 */
import type { LabelStudioTask } from './label-studio';
import type { LanguageModel, LanguageModelCallOptions, LanguageModelResult } from './language-model';

/** Where an answer came from: the cache, another task's identical call in flight, or the provider. */
export type AnswerSource = 'cache' | 'shared' | 'provider';

/**
 * What a call is for, beside its options: read by middleware (logs, cache keys, waits), never sent to the provider.
 * `wrapLanguageModel` gives each `generate` call its own copy, shared by its middleware and retries.
 */
export interface CallContext {
  taskId?: LabelStudioTask['id'];
  /** The self-consistency sample the call draws; undefined when it is the call's only answer. */
  sample?: number;
  /** The task's signal: it ends waits, retries and the call. The options' `abortSignal` is the call's own. */
  signal?: AbortSignal;
  /** Where the answer came from: set by the cache middleware (an answer without one came from the provider). */
  answerSource?: AnswerSource;
}

/** One step of the chain: the next middleware, or the model itself. */
export type GenerateFunction = (params: LanguageModelCallOptions, context: CallContext) => Promise<LanguageModelResult>;

export interface LanguageModelMiddleware {
  /** Wraps one call: may change its options, call `doGenerate` (once, several times, or not at all), and see its answer. */
  wrapGenerate(options: {
    doGenerate: GenerateFunction;
    params: LanguageModelCallOptions;
    context: CallContext;
    model: LanguageModel;
  }): Promise<LanguageModelResult>;
}

/** A model whose calls carry a context for its middleware. */
export interface ContextualLanguageModel extends LanguageModel {
  generate(options: LanguageModelCallOptions, context?: CallContext): Promise<LanguageModelResult>;
}
