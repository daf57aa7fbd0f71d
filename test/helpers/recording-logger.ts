import type { Logger } from '../../core/spec/logger';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** A logger that keeps every entry, child fields merged in, for assertions. */
export function createRecordingLogger(entries: LogEntry[] = [], inherited: Record<string, unknown> = {}): Logger & { entries: LogEntry[] } {
  const record = (level: LogEntry['level']) => (fields: Record<string, unknown>, message: string) =>
    void entries.push({ level, fields: { ...inherited, ...fields }, message });
  return {
    entries,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    child: (fields) => createRecordingLogger(entries, { ...inherited, ...fields }),
  };
}
