/** Where a read failed and why; every field but `file` is present when it applies. */
export interface TableReadErrorDetails {
  /** The file (as given or as matched by the glob), or the glob pattern that matched nothing. */
  file: string;
  /** 1-based line in a CSV file (the header is line 1). */
  line?: number;
  /** 1-based data row in a Parquet or Arrow file. */
  row?: number;
  /** Schema column. */
  column?: string;
  /** The cell text that did not parse. */
  value?: string;
  /** What the column expects, e.g. "a timestamp (e.g. 2018-07-27 09:14:45, ...)". */
  expected?: string;
  /** The problem, without the location. */
  reason: string;
}

/** Where in a file: `trips.csv line 42` / `trips.parquet row 7` / `trips.csv`. */
export function formatLocation(file: string, line?: number, row?: number): string {
  if (line !== undefined) return `${file} line ${line}`;
  if (row !== undefined) return `${file} row ${row}`;
  return file;
}

/**
 * A table file that cannot be read as the schema says: names the file, the line (or row), the column and the value.
 * @example `trips.csv line 42, column pickup_datetime: cannot parse "2018-13-45 99:00" as a timestamp (expected e.g. 2018-07-27 09:14:45)`
 */
export class TableReadError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  readonly file: string;
  readonly line: number | undefined;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly value: string | undefined;
  readonly expected: string | undefined;
  readonly reason: string;

  constructor(details: TableReadErrorDetails, options?: { cause?: unknown }) {
    const where = formatLocation(details.file, details.line, details.row);
    const column = details.column === undefined ? "" : `, column ${details.column}`;
    super(`${where}${column}: ${details.reason}`, options);
    this.name = "TableReadError";
    this.file = details.file;
    this.line = details.line;
    this.row = details.row;
    this.column = details.column;
    this.value = details.value;
    this.expected = details.expected;
    this.reason = details.reason;
  }
}

/**
 * A table or output folder that cannot be written: names the path.
 * @example `cannot write out/trips.csv: EACCES: permission denied, open 'out/.trips.csv.tmp-3f9a0c21b7e4.csv'`
 */
export class TableWriteError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  constructor(
    readonly path: string,
    /** Why it cannot be written (the message after the path). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot write ${path}: ${reason}`, options);
    this.name = "TableWriteError";
  }
}

/**
 * An output path that tablepipe refuses before any work: the current folder, an input folder or one above it,
 * an empty path, a file where a folder is expected, or a folder holding files tablepipe did not write.
 * @example `output folder /home/ana/data holds input data_dir /home/ana/data: writing there could replace your inputs; choose another folder`
 */
export class OutputPathError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OutputPathError";
  }
}

/**
 * Another run holds the output folder's lock file (its process is alive): two runs never write one folder.
 * @example `output folder out is in use by another tablepipe run (pid 4242; lock file out/.tablepipe.lock)`
 */
export class OutputLockedError extends Error {
  /** Bad input, not a bug: the CLI prints the message alone. */
  readonly userFacing = true as const;
  constructor(
    readonly path: string,
    readonly pid: number,
    message: string,
  ) {
    super(message);
    this.name = "OutputLockedError";
  }
}

/**
 * The run was stopped by SIGINT or SIGTERM: the reason of the signal `stopOnInterrupt` aborts. The work
 * stops at its next check; the process then ends as the signal says (exit status 130 for SIGINT).
 * @example `interrupted by SIGINT`
 */
export class InterruptedError extends Error {
  /** Not a bug: a CLI prints the message alone. */
  readonly userFacing = true as const;
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.name = "InterruptedError";
  }
}
