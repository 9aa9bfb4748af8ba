/** What kind of problem Spark reported, from its error class (`[UNRESOLVED_COLUMN...]`) or the gRPC status. */
export type SparkErrorKind =
  | "analysis"
  | "parse"
  | "conversion"
  | "arithmetic"
  | "io"
  | "unavailable"
  | "unauthenticated"
  | "interrupted"
  | "other";

const EXPLAINED: Readonly<Record<SparkErrorKind, string>> = {
  analysis:
    "a column, table or function does not fit the data (a missing column, or a value of another type)",
  parse: "the SQL does not parse (a bug in a step's rendering)",
  conversion: "a value does not convert to the type it is used as",
  arithmetic: "an arithmetic error (overflow or division)",
  io: "a file or table could not be read",
  unavailable: "the Spark Connect server cannot be reached",
  unauthenticated: "the Spark Connect server refused the credentials",
  interrupted: "the query was interrupted",
  other: "Spark failed",
};

/** Spark refused a query or a call: names the step (or the call), the kind, and Spark's first line only. */
export class SparkQueryError extends Error {
  override readonly name = "SparkQueryError";
  /** True: the cause is the data, the params or the endpoint, so a CLI prints the message alone. */
  readonly userFacing = true;
  constructor(
    /** The step whose query failed, or what was being done (`loading the source`, `connecting`). */
    readonly step: string,
    readonly kind: SparkErrorKind,
    /** Spark's error class, when it gave one (`UNRESOLVED_COLUMN.WITH_SUGGESTION`). */
    readonly errorClass: string | undefined,
    /** Spark's own first line, without the error class and the plan it may append. */
    readonly detail: string,
    cause: unknown,
  ) {
    super(`${step}: ${EXPLAINED[kind]}: ${errorClass === undefined ? "" : `[${errorClass}] `}${detail}`, {
      cause,
    });
  }
}

const GRPC_UNAVAILABLE = 14;
const GRPC_UNAUTHENTICATED = 16;
const GRPC_DEADLINE_EXCEEDED = 4;

function kindOfClass(errorClass: string | undefined, message: string): SparkErrorKind {
  const c = errorClass ?? "";
  if (c === "OPERATION_CANCELED") return "interrupted";
  if (c.startsWith("PARSE_SYNTAX") || c.includes("PARSE")) return "parse";
  if (c.startsWith("CAST_") || c.includes("INVALID_FORMAT") || c.startsWith("CANNOT_PARSE"))
    return "conversion";
  if (c.startsWith("ARITHMETIC") || c.includes("DIVIDE_BY_ZERO")) return "arithmetic";
  if (c.startsWith("PATH_NOT_FOUND") || c.includes("FILE") || c === "TABLE_OR_VIEW_NOT_FOUND") return "io";
  if (
    c.startsWith("UNRESOLVED") ||
    c.startsWith("DATATYPE_MISMATCH") ||
    c.includes("AMBIGUOUS") ||
    c.startsWith("MISSING_") ||
    /AnalysisException/.test(message)
  )
    return "analysis";
  return "other";
}

/** A gRPC error from Spark Connect as a {@link SparkQueryError} naming `step`. */
export function toSparkError(step: string, error: unknown): SparkQueryError {
  if (error instanceof SparkQueryError) return error;
  const e = error as { code?: number; details?: string; message?: string };
  const text = e.details ?? e.message ?? String(error);
  const firstLine = (text.split("\n").find((line) => line.trim() !== "") ?? text).trim();
  const classed = /^\[([A-Z0-9_.]+)\]\s*(.*)$/.exec(firstLine);
  const errorClass = classed?.[1];
  // Spark appends "SQLSTATE: 42703; line 1 pos 7;" and the plan: keep the sentence.
  const detail = (classed?.[2] ?? firstLine)
    .replace(/\s*SQLSTATE: .*$/, "")
    .replace(/\s*Resolution note:.*$/, "")
    .trim();
  let kind: SparkErrorKind;
  if (e.code === GRPC_UNAVAILABLE || e.code === GRPC_DEADLINE_EXCEEDED) kind = "unavailable";
  else if (e.code === GRPC_UNAUTHENTICATED) kind = "unauthenticated";
  else kind = kindOfClass(errorClass, text);
  return new SparkQueryError(step, kind, errorClass, detail === "" ? firstLine : detail, error);
}

/**
 * The call named `what` was stopped because its signal was aborted: a {@link SparkQueryError} of kind
 * `interrupted` whose detail is the signal's reason (`interrupted by SIGINT`) and whose cause is that reason.
 */
export function interruptedError(what: string, reason: unknown): SparkQueryError {
  const detail = reason instanceof Error ? reason.message : String(reason);
  return new SparkQueryError(what, "interrupted", undefined, detail, reason);
}

/** A table cannot be sent to Spark as its column types say (a wrong kind of value, or none to tell the type). */
export class SparkLoadError extends Error {
  override readonly name = "SparkLoadError";
  readonly userFacing = true;
}
