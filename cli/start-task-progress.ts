import { Presets, SingleBar } from 'cli-progress';
import type { TerminalLogDestination } from '../server/terminal-log-destination';

/** Erase the current line, cursor to its start. */
const CLEAR_LINE = '\r\x1b[2K';
/** DEC save cursor: the bar's stop() restores this position, so it must follow the bar as logs push it down. */
const SAVE_CURSOR = '\x1b7';

export interface TaskProgress {
  /** One more task settled. */
  settled(failed: boolean): void;
  /** Removes the bar (log lines go straight to stderr again). */
  stop(): void;
}

/**
 * A progress bar for a batch of tasks on stderr, or nothing when `enabled` is false. Log lines written through
 * `logDestination` while it is shown print above it: the bar's line is cleared, the log line written whole, and the
 * bar redrawn below.
 */
export function startTaskProgress(options: { name: string; total: number; enabled: boolean; logDestination?: TerminalLogDestination }): TaskProgress {
  if (!options.enabled) return { settled: () => undefined, stop: () => undefined };
  const stream = options.logDestination?.stream ?? process.stderr;
  const bar = new SingleBar(
    {
      format: `${options.name} |{bar}| {value}/{total} tasks | {failed} failed | ETA {eta_formatted}`,
      hideCursor: true,
      forceRedraw: true,
      stream,
    },
    Presets.shades_classic,
  );
  let failed = 0;
  bar.start(options.total, 0, { failed });
  const detach = options.logDestination?.attach({
    clear: () => stream.write(CLEAR_LINE),
    redraw: () => {
      stream.write(SAVE_CURSOR);
      bar.render();
    },
  });
  let stopped = false;
  return {
    settled: (taskFailed) => {
      if (taskFailed) failed += 1;
      bar.increment(1, { failed });
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      detach?.();
      bar.stop();
    },
  };
}
