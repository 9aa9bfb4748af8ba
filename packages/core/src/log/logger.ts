// TEMPORARY STUB: replaced by the pino-based logger. The exported signatures are the contract.
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** Options for {@link configureLogging}. */
export interface LoggingOptions {
  /** Lowest level written. Default "info". */
  level?: LogLevel;
  /** "pretty" human-readable lines (default) or "json" lines. */
  format?: "pretty" | "json";
  /** Also append to this file. */
  file?: string;
  /** Write here instead of stderr (tests). */
  stream?: NodeJS.WritableStream;
}

/** A named logger. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

let options: LoggingOptions = {};

/** Set level, format and destination for every logger. */
export function configureLogging(next: LoggingOptions): void {
  options = { ...options, ...next };
}

/** A logger that prefixes its lines with `name`. */
export function getLogger(name: string): Logger {
  const write = (level: string, message: string): void => {
    (options.stream ?? process.stderr).write(`${level.toUpperCase()} ${name}: ${message}\n`);
  };
  return {
    debug: (m) => write("debug", m),
    info: (m) => write("info", m),
    warn: (m) => write("warn", m),
    error: (m) => write("error", m),
  };
}
