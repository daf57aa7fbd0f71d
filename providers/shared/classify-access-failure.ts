import { ERROR_CODES, ProviderAccessError } from '../../core/errors';
import type { ModelAccess } from '../../core/spec/language-model';
import { describeConnectionFailure } from './describe-connection-failure';
import { describeOrigin } from './describe-origin';
import { redactSecrets } from './redact-secrets';

/** What a model check's messages and fixes need to know. */
export interface AccessCheckContext {
  /** The registry name, e.g. `openai`. */
  provider: string;
  /** How messages name the service, e.g. `the OpenAI API`. */
  apiName: string;
  baseURL: string;
  modelId: string;
  /** Values that must never appear in a message. */
  secrets: string[];
  /** Where the key is set, e.g. `OPENAI_API_KEY in the environment of prelabel, or provider.api_key in x.yaml`. */
  keySetting: string;
  /** Where the model is set, e.g. `provider.model in x.yaml`. */
  modelSetting: string;
}

interface StatusError {
  status: number;
  /** OpenAI's `error.code`, e.g. `invalid_api_key`. */
  code?: unknown;
  /** Anthropic's `error.type`, e.g. `authentication_error`. */
  type?: unknown;
}

function isStatusError(error: unknown): error is StatusError {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

function describeCode(error: StatusError): string {
  const code = typeof error.code === 'string' ? error.code : typeof error.type === 'string' ? error.type : '';
  return code ? `${error.status} ${code}` : String(error.status);
}

/** The message for a model the provider does not serve, naming the setting to change. */
export function createModelNotServedError(context: AccessCheckContext, statusCode?: number): ProviderAccessError {
  return new ProviderAccessError(
    ERROR_CODES.MODEL_NOT_SERVED,
    `model '${context.modelId}' is not served by ${context.provider} at ${describeOrigin(context.baseURL)} (retired, misspelt, or not open to this key): set ${context.modelSetting} to a model it serves`,
    { provider: context.provider, statusCode },
  );
}

/**
 * A model check's failure → `denied` for definite answers (401/403: the key is refused; 404 the caller recognises as
 * "no such model": the model is not served), otherwise `unverified` (timeouts, connection errors, 429, 5xx, a server
 * without the endpoint). Messages never carry the key, and never quote the provider's message (it may echo part of it).
 */
export function classifyAccessFailure(
  error: unknown,
  context: AccessCheckContext,
  isModelNotFound: (error: StatusError) => boolean,
): ModelAccess {
  const origin = describeOrigin(context.baseURL);
  if (isStatusError(error)) {
    if (error.status === 401 || error.status === 403) {
      return {
        status: 'denied',
        error: new ProviderAccessError(
          ERROR_CODES.PROVIDER_KEY_REJECTED,
          `${context.apiName} at ${origin} refused the API key (${describeCode(error)}): set a valid key in ${context.keySetting}`,
          { provider: context.provider, statusCode: error.status },
        ),
      };
    }
    if (error.status === 404 && isModelNotFound(error)) return { status: 'denied', error: createModelNotServedError(context, 404) };
    return { status: 'unverified', reason: `${context.apiName} at ${origin} answered the model check with ${describeCode(error)}` };
  }
  const reason = error instanceof Error ? redactSecrets(describeConnectionFailure(error), context.secrets) : String(error);
  return { status: 'unverified', reason: `${context.apiName} at ${origin} did not answer the model check: ${reason}` };
}
