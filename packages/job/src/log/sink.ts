import { closeSync, existsSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type OpenLogFile, openLogFile, setOpenLogFile } from "@tablepipe/core/internal";
import type { LogFormat, LogLevel } from "./levels";
import { formatPrettyLine, type LogRecord } from "./pretty";

/** Where log lines go: anything with a synchronous `write(string)`; `isTTY` turns colour on. */
export interface LogStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** What a {@link LogSink} needs to know to render and route a line. */
export interface SinkSettings {
  format: LogFormat;
  level: LogLevel;
  /** Resolved at each write so a replaced `process.stderr` is honoured. */
  stream: () => LogStream;
  color: boolean | undefined;
  file: string | undefined;
  /** How output-folder checks name the file (`"--log-file"`); default `"log file"`. */
  fileLabel?: string | undefined;
}

/**
 * pino's destination: receives each JSON line synchronously, writes it (pretty or JSON) to the stream and
 * appends the JSON line to the file, if any.
 */
export class LogSink {
  readonly #settings: SinkSettings;
  #fd: number | undefined;
  #registered: OpenLogFile | undefined;

  constructor(settings: SinkSettings) {
    this.#settings = settings;
    if (settings.file !== undefined) {
      ensureFolder(dirname(settings.file));
      this.#fd = openSync(settings.file, "a");
      this.#registered = { path: resolve(settings.file), label: settings.fileLabel ?? "log file" };
      setOpenLogFile(this.#registered);
    }
  }

  /** Append one JSON line (newline included) to the file only; nothing without a file. */
  appendToFile(line: string): void {
    if (this.#fd === undefined) return;
    writeSync(this.#fd, line);
  }

  /** Called by pino with one JSON line (newline included). */
  write(line: string): void {
    this.appendToFile(line);
    const stream = this.#settings.stream();
    if (this.#settings.format === "json") {
      stream.write(line);
      return;
    }
    const record = JSON.parse(line) as LogRecord;
    stream.write(
      formatPrettyLine(record, {
        color: this.#settings.color ?? (stream.isTTY === true && process.env.NO_COLOR === undefined),
        stacks: this.#settings.level === "debug",
      }),
    );
  }

  /** Close the file, if one is open. */
  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
    if (openLogFile() === this.#registered) setOpenLogFile(undefined);
  }
}

/**
 * Create a folder and its missing parents, one level at a time (Node's recursive mkdirSync spins forever
 * under read-only pseudo file systems such as /proc).
 */
function ensureFolder(folder: string): void {
  if (existsSync(folder)) return;
  const parent = dirname(folder);
  if (parent !== folder) ensureFolder(parent);
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
  }
}
