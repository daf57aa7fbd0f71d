export interface LogRateLimiterOptions {
  /** Lines allowed per window. */
  limit: number;
  windowMs: number;
  /** Called once at the end of a window in which lines were suppressed, with how many. */
  onSuppressed: (count: number) => void;
  /** Default Date.now. */
  now?: () => number;
}

/**
 * Lets at most `limit` log lines through per window; the rest are counted and reported in one summary when the window
 * ends (its timer does not keep the process alive).
 */
export class LogRateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;
  private suppressed = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: LogRateLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether one more line may be written now; when not, it is counted for the window's summary. */
  allow(): boolean {
    const now = this.now();
    if (now - this.windowStart >= this.options.windowMs) {
      this.flush();
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used < this.options.limit) {
      this.used += 1;
      return true;
    }
    this.suppressed += 1;
    if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), Math.max(0, this.windowStart + this.options.windowMs - now));
      this.timer.unref();
    }
    return false;
  }

  /** Reports the lines suppressed so far, if any. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.suppressed === 0) return;
    const count = this.suppressed;
    this.suppressed = 0;
    this.options.onSuppressed(count);
  }
}
