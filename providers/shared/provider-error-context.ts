/** What mapping an SDK call's error needs to know about the call. */
export interface ProviderErrorContext {
  /** The caller's signal. */
  abortSignal?: AbortSignal;
  /** Aborted when the call's time budget ran out. */
  deadlineSignal: AbortSignal;
  timeoutMs: number;
  /** How long the call ran before it failed. */
  elapsedMs: number;
  /** The API's base URL; only its origin appears in messages. */
  baseURL: string;
  /** Values that must never appear in a message, such as the API key. */
  secrets: string[];
}
