/** What went wrong in DuckDB, from the first words of its message. */
export type DuckDbErrorKind =
  | "conversion"
  | "binder"
  | "catalog"
  | "io"
  | "parser"
  | "out of range"
  | "invalid input"
  | "other";

const KINDS: readonly [string, DuckDbErrorKind][] = [
  ["Conversion Error", "conversion"],
  ["Binder Error", "binder"],
  ["Catalog Error", "catalog"],
  ["IO Error", "io"],
  ["Parser Error", "parser"],
  ["Out of Range Error", "out of range"],
  ["Invalid Input Error", "invalid input"],
];

const EXPLAINED: Readonly<Record<DuckDbErrorKind, string>> = {
  conversion: "a value does not convert to the type it is used as",
  binder: "a column or function does not fit the data (a missing column, or a value of another type)",
  catalog: "a table or function DuckDB does not know",
  io: "a file could not be read",
  parser: "the SQL does not parse (a bug in a step's rendering)",
  "out of range": "a value is out of range",
  "invalid input": "the input is not valid",
  other: "DuckDB failed",
};

/** DuckDB refused a query made from a pipe: names the step, says what kind of problem, never the raw SQL. */
export class DuckDbQueryError extends Error {
  override readonly name = "DuckDbQueryError";
  /** True: the cause is the data or the params, so a CLI prints the message alone. */
  readonly userFacing = true;
  constructor(
    /** The step whose CTE failed, or where it happened (`loading the source`). */
    readonly step: string,
    readonly kind: DuckDbErrorKind,
    /** DuckDB's own first line, without its kind prefix and SQL excerpt. */
    readonly detail: string,
    cause: unknown,
  ) {
    super(`${step}: ${EXPLAINED[kind]}: ${detail}`, { cause });
  }
}

/** A table column cannot be loaded into DuckDB (values of several kinds, or no value to tell its type). */
export class DuckDbLoadError extends Error {
  override readonly name = "DuckDbLoadError";
  readonly userFacing = true;
}

/** A DuckDB error as a {@link DuckDbQueryError} naming `step`. */
export function toQueryError(step: string, error: unknown): DuckDbQueryError {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split("\n")[0] ?? message;
  const known = KINDS.find(([prefix]) => firstLine.startsWith(`${prefix}: `));
  const detail = known === undefined ? firstLine : firstLine.slice(known[0].length + 2);
  return new DuckDbQueryError(step, known?.[1] ?? "other", detail, error);
}

/**
 * A file DuckDB's fast read does not take as it is: a CSV file without a header record, or whose header does not
 * hold the schema's columns, a Parquet column of a type the fast read does not map onto its schema column.
 * readTable reads the files to decide.
 */
export class ReadTableDecides extends Error {
  override readonly name = "ReadTableDecides";
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * Whether DuckDB failed because it cannot read a file as CSV at all (a CR inside a line, a row with another
 * number of cells than the header: an "invalid input" error), or the fast read left a file to readTable
 * ({@link ReadTableDecides}). The engine then reads the files with readTable, which names what it refuses as it
 * always does.
 */
export function readTableDecides(error: unknown): boolean {
  return (
    (error instanceof DuckDbQueryError && error.kind === "invalid input") || error instanceof ReadTableDecides
  );
}
