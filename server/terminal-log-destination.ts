/** Something drawn on the terminal's last line (a progress bar) that log lines must not split. */
export interface TerminalOverlay {
  /** Erases the overlay's line and leaves the cursor at its start. */
  clear(): void;
  /** Draws the overlay again, below what was written since `clear`. */
  redraw(): void;
}

/**
 * A pino destination for stderr. Each log line is written whole: while an overlay (the CLI's progress bar) is shown,
 * its line is cleared first and the overlay is redrawn after, so logs scroll above the bar and never cut into it.
 * `format` turns a JSON log line into what is printed (pino-pretty on a terminal); without it the JSON line is
 * written as it is. Writes are synchronous (pino calls `write` once per line), so nothing interleaves.
 */
export class TerminalLogDestination {
  private overlay: TerminalOverlay | null = null;

  constructor(
    readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly format: ((jsonLine: string) => string) | null,
  ) {}

  /** Whether lines are formatted for reading rather than written as JSON. */
  get isPretty(): boolean {
    return this.format !== null;
  }

  write(jsonLine: string): void {
    const text = this.format ? this.format(jsonLine) : jsonLine;
    if (!this.overlay) {
      this.stream.write(text);
      return;
    }
    this.overlay.clear();
    this.stream.write(text);
    this.overlay.redraw();
  }

  /** Shows `overlay` below the log lines until the returned function is called. */
  attach(overlay: TerminalOverlay): () => void {
    this.overlay = overlay;
    return () => {
      if (this.overlay === overlay) this.overlay = null;
    };
  }
}
