/**
 * Typed errors with stable codes. Only `server/` maps codes to HTTP statuses.
 * Test errors by `code` (or `PrelabelError.isInstance`), not `instanceof`: duplicate module copies break it.
 */
import { errorMessageOf } from './shared/error-message-of';

export const ERROR_CODES = {
  /** A project YAML file does not follow the schema, or names something that does not exist. */
  PROJECT_CONFIG_INVALID: 'PROJECT_CONFIG_INVALID',
  /** A Label Studio labeling config that cannot be parsed or is unsafe (DOCTYPE, entities, too large). */
  LABEL_CONFIG_INVALID: 'LABEL_CONFIG_INVALID',
  /** A prompt template with a bad or unknown placeholder. */
  PROMPT_TEMPLATE_INVALID: 'PROMPT_TEMPLATE_INVALID',
  /** A task whose data lacks a field the prompt needs. */
  TASK_DATA_INVALID: 'TASK_DATA_INVALID',
  /** A registry lookup for a name nobody registered. */
  NO_SUCH_COMPONENT: 'NO_SUCH_COMPONENT',
  /** A name registered twice. */
  DUPLICATE_COMPONENT: 'DUPLICATE_COMPONENT',
  /** The labeling config has nothing prelabel can fill. */
  NOTHING_TO_PREDICT: 'NOTHING_TO_PREDICT',
  /** A control of the labeling config points at an object prelabel cannot read (`<Video>`, `<Audio>`, `<TimeSeries>`). */
  OBJECT_UNREADABLE: 'OBJECT_UNREADABLE',
  /** The provider needs an API key and none is set. */
  PROVIDER_KEY_MISSING: 'PROVIDER_KEY_MISSING',
  /** The provider refused the API key (401, 403). */
  PROVIDER_KEY_REJECTED: 'PROVIDER_KEY_REJECTED',
  /** The provider does not serve the model (404 `model_not_found`: retired, misspelt, or not open to this key). */
  MODEL_NOT_SERVED: 'MODEL_NOT_SERVED',
  /** A call to an LLM provider failed (HTTP error, timeout, connection). */
  PROVIDER_CALL_FAILED: 'PROVIDER_CALL_FAILED',
  /** A call to Label Studio's REST API failed (an HTTP status it may recover from, such as 429 or 503). */
  LABEL_STUDIO_CALL_FAILED: 'LABEL_STUDIO_CALL_FAILED',
  /** Retries ended without success. */
  RETRY_EXHAUSTED: 'RETRY_EXHAUSTED',
  /** The model answered, but the answer is unusable (truncated, refused, not parseable). */
  RESPONSE_UNUSABLE: 'RESPONSE_UNUSABLE',
  /** An HTTP request from Label Studio (or a CLI input file) that is malformed. */
  REQUEST_INVALID: 'REQUEST_INVALID',
  /** The caller is not authorised. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** The operation was aborted (deadline, shutdown). */
  ABORTED: 'ABORTED',
  /** An environment variable or command-line value that cannot be used (a PORT that is not a port, an unknown LOG_LEVEL). */
  SETTING_INVALID: 'SETTING_INVALID',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * The marker of an error class; subclasses in other folders declare theirs with it. `Symbol.for`, so copies of this
 * module loaded twice (a plugin's own) still agree.
 */
export function markerOf(className: string): symbol {
  return Symbol.for(`prelabel.error.${className}`);
}

/** A class of prelabel error, as `isInstance` sees it: its own marker, and what it constructs. */
interface MarkedErrorClass<T> {
  readonly marker: symbol;
  prototype: T;
}

export interface PrelabelErrorOptions {
  cause?: unknown;
  /** Where the problem is: a file, a line, a field. Safe to show to users. */
  location?: ErrorLocation;
  isRetryable?: boolean;
}

export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** A field path such as `provider.temperature` or `tasks[3].data`. */
  field?: string;
}

export function formatLocation(location: ErrorLocation | undefined): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.file) {
    let place = location.file;
    if (location.line !== undefined) place += `:${location.line}`;
    if (location.line !== undefined && location.column !== undefined) place += `:${location.column}`;
    parts.push(place);
  }
  if (location.field) parts.push(`field ${location.field}`);
  return parts.join(', ');
}

export class PrelabelError extends Error {
  /** Each class has its own marker (the AI SDK's pattern), set on its instances and its subclasses' instances. */
  static readonly marker: symbol = Symbol.for('prelabel.error');
  readonly code: ErrorCode;
  readonly location?: ErrorLocation;
  readonly isRetryable: boolean;

  constructor(code: ErrorCode, message: string, options: PrelabelErrorOptions = {}) {
    const where = formatLocation(options.location);
    super(where ? `${where}: ${message}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.location = options.location;
    this.isRetryable = options.isRetryable ?? false;
    markInstance(this, new.target);
  }

  /**
   * Whether a value is an error of this class or one of its subclasses, by marker rather than `instanceof`, so
   * duplicate module copies agree. `RetryExhaustedError.isInstance(new ProviderCallError(…))` is false.
   */
  static isInstance<T>(this: MarkedErrorClass<T>, error: unknown): error is T {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[this.marker] === true;
  }
}

/** Sets the marker of every class from the constructed one up to `PrelabelError` on the instance. */
function markInstance(error: PrelabelError, constructed: unknown): void {
  for (let current = constructed; typeof current === 'function' && current !== Error; current = Object.getPrototypeOf(current)) {
    const marker: unknown = Object.hasOwn(current, 'marker') ? (current as unknown as { marker: unknown }).marker : undefined;
    if (typeof marker === 'symbol') Object.defineProperty(error, marker, { value: true, enumerable: false });
  }
}

export class ProjectConfigError extends PrelabelError {
  static override readonly marker = markerOf('ProjectConfigError');
  /** Every problem found, one line each (the message joins them). */
  readonly problems: string[];
  constructor(problems: string[], options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.PROJECT_CONFIG_INVALID, problems.join('\n'), options);
    this.problems = problems;
  }
}

export class LabelConfigError extends PrelabelError {
  static override readonly marker = markerOf('LabelConfigError');
  constructor(message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.LABEL_CONFIG_INVALID, message, options);
  }
}

export class PromptTemplateError extends PrelabelError {
  static override readonly marker = markerOf('PromptTemplateError');
  constructor(message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.PROMPT_TEMPLATE_INVALID, message, options);
  }
}

export class TaskDataError extends PrelabelError {
  static override readonly marker = markerOf('TaskDataError');
  constructor(message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.TASK_DATA_INVALID, message, options);
  }
}

export class NoSuchComponentError extends PrelabelError {
  static override readonly marker = markerOf('NoSuchComponentError');
  readonly kind: string;
  readonly componentName: string;
  readonly available: string[];
  constructor(kind: string, componentName: string, available: string[], options: PrelabelErrorOptions = {}) {
    super(
      ERROR_CODES.NO_SUCH_COMPONENT,
      `no ${kind} named "${componentName}" is registered (available: ${available.join(', ') || 'none'})`,
      options,
    );
    this.kind = kind;
    this.componentName = componentName;
    this.available = available;
  }
}

export class DuplicateComponentError extends PrelabelError {
  static override readonly marker = markerOf('DuplicateComponentError');
  constructor(kind: string, componentName: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.DUPLICATE_COMPONENT, `a ${kind} named "${componentName}" is already registered`, options);
  }
}

export class NothingToPredictError extends PrelabelError {
  static override readonly marker = markerOf('NothingToPredictError');
  constructor(message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.NOTHING_TO_PREDICT, message, options);
  }
}

export class UnreadableObjectError extends PrelabelError {
  static override readonly marker = markerOf('UnreadableObjectError');
  constructor(message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.OBJECT_UNREADABLE, message, options);
  }
}

export type ProviderAccessErrorCode =
  | typeof ERROR_CODES.PROVIDER_KEY_MISSING
  | typeof ERROR_CODES.PROVIDER_KEY_REJECTED
  | typeof ERROR_CODES.MODEL_NOT_SERVED;

/** A definite answer that the provider cannot be used as configured: no key, a rejected key, a model it does not serve. */
export class ProviderAccessError extends PrelabelError {
  static override readonly marker = markerOf('ProviderAccessError');
  readonly provider: string;
  readonly statusCode?: number;
  constructor(
    code: ProviderAccessErrorCode,
    message: string,
    options: PrelabelErrorOptions & { provider: string; statusCode?: number },
  ) {
    super(code, message, options);
    this.provider = options.provider;
    this.statusCode = options.statusCode;
  }
}

export interface ProviderCallErrorOptions extends PrelabelErrorOptions {
  statusCode?: number;
  /** The provider is taken out of service for now (circuit open): worth asking a fallback, not worth retrying. */
  unavailable?: boolean;
  /** How long the provider asked us to wait before trying again, from `retry-after-ms` / `retry-after`. */
  retryAfterMs?: number;
  /** The call ran out of time (the configured or the adaptive timeout): it says nothing about the next call. */
  timedOut?: boolean;
  provider: string;
}

export class ProviderCallError extends PrelabelError {
  static override readonly marker = markerOf('ProviderCallError');
  readonly statusCode?: number;
  readonly retryAfterMs?: number;
  readonly provider: string;
  readonly unavailable: boolean;
  readonly timedOut: boolean;
  constructor(message: string, options: ProviderCallErrorOptions) {
    super(ERROR_CODES.PROVIDER_CALL_FAILED, message, options);
    this.unavailable = options.unavailable ?? false;
    this.timedOut = options.timedOut ?? false;
    this.statusCode = options.statusCode;
    this.retryAfterMs = options.retryAfterMs;
    this.provider = options.provider;
  }
}

export class RetryExhaustedError extends PrelabelError {
  static override readonly marker = markerOf('RetryExhaustedError');
  readonly errors: unknown[];
  readonly lastError: unknown;
  constructor(errors: unknown[], options: PrelabelErrorOptions = {}) {
    const lastError = errors[errors.length - 1];
    const lastMessage = errorMessageOf(lastError);
    super(ERROR_CODES.RETRY_EXHAUSTED, `gave up after ${errors.length} attempts: ${lastMessage}`, {
      ...options,
      cause: lastError,
    });
    this.errors = errors;
    this.lastError = lastError;
  }
}

export type ResponseUnusableReason = 'truncated' | 'refused' | 'content-filter' | 'unparseable' | 'empty';

export class ResponseUnusableError extends PrelabelError {
  static override readonly marker = markerOf('ResponseUnusableError');
  readonly reason: ResponseUnusableReason;
  constructor(reason: ResponseUnusableReason, message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.RESPONSE_UNUSABLE, message, options);
    this.reason = reason;
  }
}

export class RequestInvalidError extends PrelabelError {
  static override readonly marker = markerOf('RequestInvalidError');
  constructor(message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.REQUEST_INVALID, message, options);
  }
}

export class AbortedError extends PrelabelError {
  static override readonly marker = markerOf('AbortedError');
  constructor(message = 'the operation was aborted', options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.ABORTED, message, options);
  }
}

/** An error as a log field: its code when it has one, and its message (never a stack with secrets). */
export function describeError(error: unknown): { code?: string; message: string } {
  if (PrelabelError.isInstance(error)) return { code: error.code, message: error.message };
  return { message: errorMessageOf(error) };
}

/** An environment variable or command-line value that cannot be used (PORT, LOG_LEVEL); the message says the fix. */
export class SettingError extends PrelabelError {
  static override readonly marker = markerOf('SettingError');
  constructor(message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.SETTING_INVALID, message, options);
  }
}
