import type { LanguageModel } from '../spec/language-model';
import type { ContextualLanguageModel, GenerateFunction, LanguageModelMiddleware } from '../spec/language-model-middleware';

/**
 * A model whose `generate` runs through the middlewares, the first outermost and the last right around the model (the
 * AI SDK's `wrapLanguageModel` order). Each call gets its own copy of the context, shared by its middleware.
 */
export function wrapLanguageModel(model: LanguageModel, middlewares: readonly LanguageModelMiddleware[]): ContextualLanguageModel {
  const generate = middlewares.reduceRight<GenerateFunction>(
    (inner, middleware) => (params, context) => middleware.wrapGenerate({ doGenerate: inner, params, context, model }),
    (params) => model.generate(params),
  );
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    structuredOutput: model.structuredOutput,
    acceptsImages: model.acceptsImages,
    ...(model.returnsLogprobs !== undefined && { returnsLogprobs: model.returnsLogprobs }),
    generate: (params, context = {}) => generate(params, { ...context }),
  };
}
