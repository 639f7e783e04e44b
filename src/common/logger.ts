import createDebug from 'debug';

export type LogFields = Record<string, unknown>;

/**
 * Diagnostics for people debugging `sim`, never its results. Each subsystem logs on its own
 * channel (`sim:engine`, `sim:stack`), shown with `DEBUG=sim:*` or `--verbose`, on stderr.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  child(subsystem: string): Logger;
}

export function createLogger(namespace = 'sim'): Logger {
  const debug = createDebug(namespace);
  const warn = createDebug(`${namespace}:warn`);
  const write = (channel: createDebug.Debugger, message: string, fields?: LogFields) => {
    if (!channel.enabled) return;
    channel(fields === undefined ? message : `${message} ${JSON.stringify(fields)}`);
  };

  return {
    debug: (message, fields) => write(debug, message, fields),
    warn: (message, fields) => write(warn, message, fields),
    child: (subsystem) => createLogger(`${namespace}:${subsystem}`),
  };
}

/** Turns on every `sim:*` channel, as `--verbose` does. */
export function enableVerboseLogging(): void {
  createDebug.enable('sim:*');
}

export const silentLogger: Logger = {
  debug: () => undefined,
  warn: () => undefined,
  child: () => silentLogger,
};
