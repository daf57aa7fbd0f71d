import type { ProviderErrorContext } from './provider-error-context';

type ErrorClass = abstract new (...args: never[]) => Error;

/** The connection error classes of a Stainless-generated SDK (`openai`, `@anthropic-ai/sdk`). */
export interface SdkConnectionErrorClasses {
  APIConnectionError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
}

/**
 * Whether a call failed because it ran out of time. Our deadline usually fires first and the SDK reports an abort; the
 * SDK's own timeout reports APIConnectionTimeoutError, or a plain APIConnectionError when the fetch error comes from
 * another realm (jest).
 */
export function isCallTimeout(
  error: unknown,
  context: Pick<ProviderErrorContext, 'deadlineSignal' | 'timeoutMs' | 'elapsedMs'>,
  sdkErrors: SdkConnectionErrorClasses,
): boolean {
  return (
    context.deadlineSignal.aborted ||
    error instanceof sdkErrors.APIConnectionTimeoutError ||
    (error instanceof sdkErrors.APIConnectionError && context.elapsedMs >= context.timeoutMs)
  );
}
