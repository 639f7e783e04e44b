import type { LogFields, Logger } from '../../src/common/logger.js';

export interface LogEntry {
  level: 'debug' | 'warn';
  subsystem: string;
  message: string;
  fields?: LogFields;
}

/** A logger that keeps every entry, so a test can read what was logged. */
export function memoryLogger(
  entries: LogEntry[] = [],
  subsystem = 'sim',
): Logger & {
  entries: LogEntry[];
} {
  return {
    entries,
    debug: (message, fields) => entries.push({ level: 'debug', subsystem, message, fields }),
    warn: (message, fields) => entries.push({ level: 'warn', subsystem, message, fields }),
    child: (name) => memoryLogger(entries, `${subsystem}:${name}`),
  };
}
