import pino from "pino";
import { type LogFormat, type LogLevel, levelPasses } from "./levels";
import { LogSink, type LogStream } from "./sink";

export type { LogFormat, LogLevel } from "./levels";
export type { LogStream } from "./sink";

/** Options for {@link configureLogging}; each call changes only the options it names. */
export interface LoggingOptions {
  /** Lowest level written. Default "info". */
  level?: LogLevel;
  /** "pretty" human-readable lines (default) or "json" lines. */
  format?: "pretty" | "json";
  /** Also append JSON lines to this file (created with its folder if missing). */
  file?: string;
  /** How output-folder checks name `file` when they refuse a folder holding it (default `"log file"`). */
  fileLabel?: string;
  /** Write here instead of stderr (tests). Must write synchronously. */
  stream?: LogStream;
  /** Force colour on or off; default: on when the stream is a TTY and NO_COLOR is unset. */
  color?: boolean;
}

/** A named logger; `fields` become ` key=value` in pretty lines and keys in JSON lines. */
export interface Logger {
  /** Detail for diagnosing a run; hidden unless the level is "debug". */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Progress of a run, e.g. a stage starting or its row counts. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Something the user should look at, e.g. rows dropped. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** A failure; pass the error as `{ err }` to log its type, message and stack. */
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger with the same name that adds `fields` to every line, e.g. `log.child({ stage: "train" })`. */
  child(fields: Record<string, unknown>): Logger;
}

interface LoggingState {
  options: LoggingOptions;
  generation: number;
  root: pino.Logger | undefined;
  sink: LogSink | undefined;
}

const state: LoggingState = { options: {}, generation: 0, root: undefined, sink: undefined };

/**
 * Set level, format and destination for every logger, those created before and after this call.
 * @example configureLogging({ level: "debug", format: "json", file: "out/run.log" })
 */
export function configureLogging(next: LoggingOptions): void {
  const options: LoggingOptions = { ...state.options, ...next };
  const sink = new LogSink({
    format: options.format ?? "pretty",
    level: options.level ?? "info",
    stream: () => options.stream ?? process.stderr,
    color: options.color,
    file: options.file,
    fileLabel: options.fileLabel,
  });
  state.sink?.close();
  state.options = options;
  state.sink = sink;
  state.root = undefined;
  state.generation += 1;
}

/** Back to the defaults (info, pretty, stderr, no file) and close the log file; for tests. */
export function resetLogging(): void {
  state.sink?.close();
  state.options = {};
  state.sink = undefined;
  state.root = undefined;
  state.generation += 1;
}

/** Close the log file, if one is open, keeping the other options; later lines go to the stream only. */
export function closeLogFile(): void {
  if (state.options.file !== undefined) configureLogging({ file: undefined, fileLabel: undefined });
}

/** Append an error line `{"level":"error","time":…,"name":…,"msg":…}` to the log file only, if one is open. */
export function appendErrorToLogFile(name: string, message: string): void {
  state.sink?.appendToFile(`${JSON.stringify({ level: "error", time: Date.now(), name, msg: message })}\n`);
}

/** True when messages at `level` are written under the current configuration. */
export function isLogLevelEnabled(level: LogLevel): boolean {
  return levelPasses(level, state.options.level ?? "info");
}

/** The format lines are written in under the current configuration. */
export function currentLogFormat(): LogFormat {
  return state.options.format ?? "pretty";
}

function root(): pino.Logger {
  if (state.root === undefined) {
    state.sink ??= new LogSink({
      format: "pretty",
      level: "info",
      stream: () => process.stderr,
      color: undefined,
      file: undefined,
    });
    state.root = pino(
      {
        level: state.options.level ?? "info",
        base: null,
        timestamp: pino.stdTimeFunctions.epochTime,
        formatters: { level: (label) => ({ level: label }) },
        serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      },
      state.sink,
    );
  }
  return state.root;
}

/** Keys of a line that fields may not take; a field called `name` is written as `name_`. */
const RESERVED_KEYS = new Set(["level", "time", "name", "msg"]);

function safeFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (fields === undefined) return {};
  if (!Object.keys(fields).some((key) => RESERVED_KEYS.has(key))) return fields;
  const renamed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    renamed[RESERVED_KEYS.has(key) ? `${key}_` : key] = value;
  return renamed;
}

class NamedLogger implements Logger {
  readonly #bindings: Record<string, unknown>;
  #generation = -1;
  #pino: pino.Logger | undefined;

  constructor(bindings: Record<string, unknown>) {
    this.#bindings = bindings;
  }

  #current(): pino.Logger {
    if (this.#pino === undefined || this.#generation !== state.generation) {
      this.#pino = root().child(this.#bindings);
      this.#generation = state.generation;
    }
    return this.#pino;
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.#current().debug(safeFields(fields), message);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.#current().info(safeFields(fields), message);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.#current().warn(safeFields(fields), message);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.#current().error(safeFields(fields), message);
  }

  child(fields: Record<string, unknown>): Logger {
    return new NamedLogger({ ...this.#bindings, ...safeFields(fields) });
  }
}

/**
 * A logger whose lines carry `name`; cheap, so call it once per module.
 * @example const log = getLogger("tip-model"); log.info("Extracting datasets", { rows: 1000 });
 */
export function getLogger(name: string): Logger {
  return new NamedLogger({ name });
}
