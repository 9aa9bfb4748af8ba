/**
 * The log file this process appends to, so that @tablepipe/io's output-folder checks know it is tablepipe's
 * (set by @tablepipe/job's logger). Kept on `globalThis` under a registered symbol, so that two copies of this
 * package in one process (its ES module and CommonJS builds) share it.
 */

/** A file tablepipe's logger appends to, as its errors name it. */
export interface OpenLogFile {
  /** Absolute path, as given (links not followed). */
  readonly path: string;
  /** How messages name it: its flag (`"--log-file"`) or `"log file"`. */
  readonly label: string;
}

const KEY = Symbol.for("@tablepipe/core/open-log-file");

type Holder = { [KEY]?: OpenLogFile | undefined };

/** The log file this process appends to, if any. */
export function openLogFile(): OpenLogFile | undefined {
  return (globalThis as Holder)[KEY];
}

/** Record the log file this process appends to (undefined: none). */
export function setOpenLogFile(file: OpenLogFile | undefined): void {
  (globalThis as Holder)[KEY] = file;
}
