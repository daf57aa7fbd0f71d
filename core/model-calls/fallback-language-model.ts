import { PrelabelError, RetryExhaustedError, type ProviderCallError } from '../errors';
import type { LanguageModelCallOptions, LanguageModelResult } from '../spec/language-model';
import type { CallContext, ContextualLanguageModel } from '../spec/language-model-middleware';

/** A failure that says the provider is down rather than that the request is wrong: worth asking a fallback. */
export function isProviderDown(error: unknown): boolean {
  if (RetryExhaustedError.isInstance(error)) {
    const last = (error as RetryExhaustedError).lastError;
    return PrelabelError.isInstance(last) && last.isRetryable;
  }
  if (!PrelabelError.isInstance(error) || error.code !== 'PROVIDER_CALL_FAILED') return false;
  return error.isRetryable || (error as ProviderCallError).unavailable;
}

/** The answer, which candidate gave it, and the options it was asked with. */
export interface FallbackAnswer {
  result: LanguageModelResult;
  index: number;
  params: LanguageModelCallOptions;
}

/** Told when a candidate is down and the next one is asked. */
export type FallbackListener = (event: { error: unknown; next: number; context: CallContext }) => void;

/**
 * The project's provider, then its fallbacks: asks each in turn while the one before is down (a retryable failure
 * after its retries, or its circuit is open). Any other failure is thrown at once.
 */
export class FallbackLanguageModel implements ContextualLanguageModel {
  readonly specificationVersion = 'v1' as const;

  constructor(
    readonly candidates: readonly ContextualLanguageModel[],
    private readonly onFallback: FallbackListener = () => {},
  ) {
    if (candidates.length === 0) throw new Error('a fallback model has at least one candidate');
  }

  private get first(): ContextualLanguageModel {
    return this.candidates[0] as ContextualLanguageModel;
  }
  get provider(): string {
    return this.first.provider;
  }
  get modelId(): string {
    return this.first.modelId;
  }
  get structuredOutput(): ContextualLanguageModel['structuredOutput'] {
    return this.first.structuredOutput;
  }
  get acceptsImages(): boolean {
    return this.first.acceptsImages;
  }
  get returnsLogprobs(): boolean | undefined {
    return this.first.returnsLogprobs;
  }

  async generate(params: LanguageModelCallOptions, context: CallContext = {}): Promise<LanguageModelResult> {
    return (await this.answer(() => params, context)).result;
  }

  /** Like `generate`, with call options made for each candidate (its prompt and answer format), and says who answered. */
  async answer(paramsFor: (index: number) => LanguageModelCallOptions, context: CallContext = {}): Promise<FallbackAnswer> {
    for (const [index, candidate] of this.candidates.entries()) {
      try {
        const params = paramsFor(index);
        return { result: await candidate.generate(params, context), index, params };
      } catch (error) {
        if (index + 1 >= this.candidates.length || !isProviderDown(error)) throw error;
        this.onFallback({ error, next: index + 1, context });
      }
    }
    throw new Error('a fallback model has at least one candidate');
  }
}
