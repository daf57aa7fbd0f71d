export interface CallDeadline {
  /** Aborted when the call's time budget runs out. */
  deadlineSignal: AbortSignal;
  /** Aborted by the deadline or the caller's signal: the one to give the SDK call. */
  signal: AbortSignal;
  /** Stops the deadline's timer once the call is over, so nothing of the call stays alive until it would fire. */
  release(): void;
}

/** A deadline for one SDK call. The SDK's timeout ends when the headers arrive; this one also covers reading the body. */
export function createCallDeadline(timeoutMs: number, abortSignal?: AbortSignal): CallDeadline {
  // Not AbortSignal.timeout: the SDK leaves a listener on the signal, which would keep every finished call in memory
  // until its timer fired (60 s by default).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The call took longer than its timeout', 'TimeoutError')), timeoutMs);
  const deadlineSignal = controller.signal;
  return {
    deadlineSignal,
    signal: abortSignal ? AbortSignal.any([abortSignal, deadlineSignal]) : deadlineSignal,
    release: () => clearTimeout(timer),
  };
}
