import type { CastType } from "./nodes";
import { sparkNumberText } from "./spark-number-text";

/** The SQL dialects an expression renders to: DuckDB's and Spark SQL (Spark 4, `@tablepipe/spark`). */
export type SqlDialectName = "duckdb" | "spark";

/** What differs between SQL dialects, in one place. */
export interface SqlDialect {
  /** `"name"` in DuckDB, `` `name` `` in Spark. */
  readonly quoteIdentifier: (name: string) => string;
  /**
   * True when the engine's identifiers ignore case (DuckDB: `a` and `A` are one column, and it has no
   * case-sensitive mode); Spark runs with `spark.sql.caseSensitive=true`.
   */
  readonly caseInsensitiveNames: boolean;
  /** What the engine's `dayofweek` returns for a Sunday: 0 in DuckDB, 1 in Spark (tablepipe says 1). */
  readonly dayOfWeekSunday: 0 | 1;
  /**
   * A string literal holding exactly `text`. DuckDB reads a backslash in `'...'` as itself; Spark reads it as an
   * escape (`'a\nb'` is a line end) and two quotes in a row as two literals run together, so its literal escapes
   * backslashes, quotes and control characters.
   */
  readonly stringLiteral: (text: string) => string;
  /** A string contains another. */
  readonly contains: (text: string, part: string) => string;
  /** A string starts with another. */
  readonly startsWith: (text: string, prefix: string) => string;
  /** A string ends with another. */
  readonly endsWith: (text: string, suffix: string) => string;
  /** The SQL type of each cast target. */
  readonly types: Readonly<Record<Exclude<CastType, "int">, string>> & { readonly int: string };
  /**
   * A time stamp as epoch milliseconds of its wall-clock fields, a DOUBLE keeping the fraction of a millisecond
   * the engine holds (microseconds), as in process a time stamp is its epoch milliseconds, fraction included.
   */
  readonly epochMillis: (timestamp: string) => string;
  /** Epoch milliseconds (a number) as the zone-less time stamp with those wall-clock fields; NaN is null. */
  readonly timestampFromMillis: (millis: string) => string;
  /**
   * A string without the blanks JavaScript's `trim()` removes at either end (tabs, line ends, no-break and other
   * Unicode spaces, the byte-order mark), where SQL's `trim` removes spaces only.
   */
  readonly trimBlanks: (text: string) => string;
  /**
   * A number as the text JavaScript's `String(number)` gives for it (`5`, not `5.0`), where the engine can; NaN
   * (the engine's, a null in process) is null.
   */
  readonly numberText: (number: string) => string;
  /** Whether the whole text matches a regular expression (RE2 syntax, given as a SQL string literal). */
  readonly fullMatch: (text: string, pattern: string) => string;
  /** Stop the query with an error whose message is the text (a SQL string expression). */
  readonly raiseError: (message: string) => string;
  /**
   * A `WHERE` condition holding `raiseError` that the optimizer leaves in its step: evaluated on every row that
   * reaches the step, never moved below an earlier step (a join), split, or merged with another filter. DuckDB
   * never moves a condition holding `error()` (volatile); Spark moves any deterministic one, so it is made
   * nondeterministic (`spark_partition_id()`, a constant per partition), which Spark neither moves nor splits.
   */
  readonly inPlace: (condition: string) => string;
  /**
   * `floor` or `ceil` of a DOUBLE as a DOUBLE, as JavaScript's `Math.floor`/`Math.ceil` give it, but a zero result
   * `0`, never `-0` (in process adds `0`): DuckDB's `floor`/`ceil` of a DOUBLE keep `-0.0` (`ceil(-0.5)`), so
   * `+ 0.0` makes it `0`; Spark's give a BIGINT (past 2^63 its largest), so a double below 2^52 in magnitude goes
   * through it and back (a BIGINT has no `-0`), and any other (already whole, an infinity, NaN, null) is itself.
   */
  readonly wholeNumber: (fn: "floor" | "ceil", double: string) => string;
  /**
   * The whole part, toward zero, of a DOUBLE below 2^53 in magnitude, as a DOUBLE (a zero's sign not defined):
   * DuckDB's `trunc`, Spark's cast to BIGINT and back. Not defined for a larger one (Spark's cast overflows), so a
   * caller guards it: `round` takes it only below 2^52, where its one operand is written once.
   */
  readonly truncateSmall: (double: string) => string;
  /**
   * Whether a value's SQL type, known to the engine only (a column the compiler could not type), is text
   * (`string`), or a number that an `int` may not hold as it is (`number`: a binary float, DOUBLE or FLOAT,
   * which may be NaN or hold a fraction; a DECIMAL; an integer wider than BIGINT, DuckDB's HUGEINT, UBIGINT and
   * UHUGEINT): the engine's `typeof`, one answer per query. An integer up to BIGINT is neither.
   */
  readonly valueTypeIs: (value: string, type: "string" | "number") => string;
  /**
   * The DOUBLE of a value of any SQL type that is a number (a DECIMAL to the double nearest it, a FLOAT exactly),
   * null for a value no number converts from; the SQL binds whatever the value's type (Spark refuses even a
   * `TRY_CAST` of a time stamp to DOUBLE, so its value goes through its text).
   */
  readonly anyAsDouble: (value: string) => string;
  /**
   * A number truncated toward zero as the `int` type (DuckDB's `trunc`; Spark's cast to BIGINT truncates); NaN
   * (which the engine computes: `Infinity - Infinity`) is null, as in process, not a conversion error.
   */
  readonly castInt: (number: string) => string;
  /**
   * The sum of an int column (`over`: a window's `OVER (...)`, or empty), exact and never an overflow error, as
   * DuckDB's HUGEINT sum of BIGINTs is: Spark's BIGINT sum fails past 2^63 (`ARITHMETIC_OVERFLOW`), so it sums
   * DECIMAL(38, 0)s and gives the DOUBLE of the sum (read as JavaScript reads DuckDB's HUGEINT: rounded once).
   */
  readonly intSum: (ints: string, over: string) => string;
  /**
   * How a float `sum` (and `mean`) adds a group's values one by one in row order, as in process, so that it
   * rounds alike on every run: `"aggregate"`, an ordered aggregate (DuckDB's `sum(x ORDER BY row)`, which sorts
   * each group's values and adds them in turn, where a plain `sum` adds them in the order its threads meet
   * them); `"window"`, a window over the group's rows in row order whose frame is the whole group (Spark's frame
   * adds its rows in turn and spills to disk, where a `collect_list` fold would hold a whole group in memory).
   */
  readonly orderedSum: "aggregate" | "window";
  /** The value at the first / last row by an order (DuckDB: `first(x ORDER BY o)`; Spark: `min_by(x, o)`). */
  readonly valueAt: (which: "first" | "last", value: string, order: string) => string;
  /**
   * The rows of `left` (a relation and its alias) with (`semi`) or without (`anti`) a row of the table `right`
   * (seen as `alias`) on which `on` holds, and `rightWhere` too when given: the `FROM` clause and its test.
   * DuckDB: a `SEMI`/`ANTI JOIN` on the right rows that pass `rightWhere` (a hash join: DuckDB plans
   * `NOT EXISTS` with a second test as a delim join, ~0.5 s instead of ~0.1 s on 3.6M rows). Spark:
   * `[NOT] EXISTS`, which Spark plans as the same join.
   */
  readonly existsJoin: (kind: "semi" | "anti", join: ExistsJoin) => string;
}

/** The parts of a semi or anti join ({@link SqlDialect.existsJoin}). */
export interface ExistsJoin {
  /** The left relation and its alias (`"input" AS "t"`): its rows are the result. */
  readonly left: string;
  /** The right table, and the alias `on` and `rightWhere` name it by. */
  readonly right: string;
  readonly alias: string;
  /** The match of a left row with a right row. */
  readonly on: string;
  /** A test on the right row alone. */
  readonly rightWhere?: string | undefined;
}

/** The characters JavaScript's `String.prototype.trim` removes (WhiteSpace and LineTerminator), as a SQL literal. */
const JS_BLANKS = `'${[
  " \t\n\v\f\r\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff",
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
].join("")}'`;

/** NaN as a SQL DOUBLE, in both dialects (each reads the text `NaN`, and holds NaN equal to itself). */
export const SQL_NAN = "CAST('NaN' AS DOUBLE)";

/** A DOUBLE with NaN as null, as in process NaN is a null (both dialects hold NaN equal to itself). */
export const withoutNaN = (double: string): string => `NULLIF(${double}, ${SQL_NAN})`;

/** The SQL types DuckDB's `typeof` names for a number an `int` may not hold as it is (`valueTypeIs`). */
const DUCKDB_WIDE_NUMBERS = "('DOUBLE', 'FLOAT', 'HUGEINT', 'UHUGEINT', 'UBIGINT')";

/**
 * 2^53: a whole double below it in magnitude is written by JavaScript as its exact digits, which its BIGINT's text
 * gives too (`numberText`); from it on JavaScript writes the shortest digits padded with zeros, which no SQL cast gives.
 */
const EXACT_WHOLE = "9007199254740992";

/** 2^52: a double of this magnitude or more is a whole number (or an infinity, or NaN). */
const FRACTION_LIMIT = "4503599627370496";

/** A Spark SQL string literal of `text`: backslashes and quotes escaped with a backslash, control characters as `\uXXXX`. */
function sparkStringLiteral(text: string): string {
  let escaped = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === "\\" || char === "'") escaped += `\\${char}`;
    else if (code < 32 || code === 127) escaped += `\\u${code.toString(16).padStart(4, "0")}`;
    else escaped += char;
  }
  return `'${escaped}'`;
}

/** The dialect table. */
export const SQL_DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = {
  duckdb: {
    quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
    caseInsensitiveNames: true,
    dayOfWeekSunday: 0,
    stringLiteral: (text) => `'${text.replaceAll("'", "''")}'`,
    contains: (text, part) => `contains(${text}, ${part})`,
    startsWith: (text, prefix) => `starts_with(${text}, ${prefix})`,
    endsWith: (text, suffix) => `ends_with(${text}, ${suffix})`,
    types: { int: "BIGINT", float: "DOUBLE", string: "VARCHAR", boolean: "BOOLEAN", timestamp: "TIMESTAMP" },
    epochMillis: (timestamp) => `(CAST(epoch_us(${timestamp}) AS DOUBLE) / 1000)`,
    timestampFromMillis: (millis) => `make_timestamp(CAST(round(${withoutNaN(millis)} * 1000) AS BIGINT))`,
    trimBlanks: (text) => `trim(${text}, ${JS_BLANKS})`,
    // DuckDB writes 5.0 and 1e-05 where JavaScript writes 5 and 0.00001: whole numbers below 2^53 go through
    // BIGINT; others keep DuckDB's shortest round-trip text (the same digits; exponents below 1e-4 differ).
    numberText: (number) =>
      `(CASE WHEN isnan(${number}) THEN NULL WHEN ${number} = trunc(${number}) AND abs(${number}) < ${EXACT_WHOLE} THEN CAST(CAST(${number} AS BIGINT) AS VARCHAR) ELSE CAST(${number} AS VARCHAR) END)`,
    fullMatch: (text, pattern) => `regexp_full_match(${text}, ${pattern})`,
    raiseError: (message) => `error(${message})`,
    inPlace: (condition) => condition,
    valueTypeIs: (value, type) =>
      type === "string"
        ? `(typeof(${value}) = 'VARCHAR')`
        : `(typeof(${value}) IN ${DUCKDB_WIDE_NUMBERS} OR typeof(${value}) LIKE 'DECIMAL%')`,
    // DuckDB's TRY_CAST of any type binds (a time stamp's is null)
    anyAsDouble: (value) => `TRY_CAST(${value} AS DOUBLE)`,
    castInt: (number) => `CAST(trunc(${withoutNaN(`CAST(${number} AS DOUBLE)`)}) AS BIGINT)`,
    intSum: (ints, over) => `sum(${ints})${over}`,
    orderedSum: "aggregate",
    wholeNumber: (fn, double) => `(${fn}(${double}) + 0.0)`,
    truncateSmall: (double) => `trunc(${double})`,
    valueAt: (which, value, order) => `${which}(${value} ORDER BY ${order})`,
    existsJoin: (kind, { left, right, alias, on, rightWhere }) => {
      const rows =
        rightWhere === undefined ? right : `(SELECT * FROM ${right} AS ${alias} WHERE ${rightWhere})`;
      return `${left} ${kind === "semi" ? "SEMI" : "ANTI"} JOIN ${rows} AS ${alias} ON ${on}`;
    },
  },
  // Spark 4 SQL, run with spark.sql.caseSensitive=true and session time zone UTC; time stamps are zone-less
  // TIMESTAMP_NTZ. Spark has no QUALIFY (the renderings filter windows in a subquery).
  spark: {
    quoteIdentifier: (name) => `\`${name.replaceAll("`", "``")}\``,
    caseInsensitiveNames: false,
    dayOfWeekSunday: 1,
    stringLiteral: sparkStringLiteral,
    contains: (text, part) => `contains(${text}, ${part})`,
    startsWith: (text, prefix) => `startswith(${text}, ${prefix})`,
    endsWith: (text, suffix) => `endswith(${text}, ${suffix})`,
    types: {
      int: "BIGINT",
      float: "DOUBLE",
      string: "STRING",
      boolean: "BOOLEAN",
      timestamp: "TIMESTAMP_NTZ",
    },
    // the session sets timestampType=TIMESTAMP_NTZ, so TIMESTAMP would mean NTZ: unix_micros needs LTZ (UTC session)
    epochMillis: (timestamp) => `(CAST(unix_micros(CAST(${timestamp} AS TIMESTAMP_LTZ)) AS DOUBLE) / 1000)`,
    timestampFromMillis: (millis) =>
      `CAST(timestamp_micros(CAST(round(${withoutNaN(millis)} * 1000) AS BIGINT)) AS TIMESTAMP_NTZ)`,
    trimBlanks: (text) => `trim(BOTH ${JS_BLANKS} FROM ${text})`,
    numberText: sparkNumberText,
    fullMatch: (text, pattern) => `(${text} RLIKE concat('^(?:', ${pattern}, ')$'))`,
    raiseError: (message) => `raise_error(${message})`,
    inPlace: (condition) => `(CASE WHEN spark_partition_id() >= 0 THEN ${condition} END)`,
    valueTypeIs: (value, type) =>
      type === "string"
        ? `(typeof(${value}) = 'string')`
        : `(typeof(${value}) IN ('double', 'float') OR typeof(${value}) LIKE 'decimal%')`,
    // through the text, which binds for every type (Java's digits give the double back; a FLOAT's, the float)
    anyAsDouble: (value) =>
      `(CASE WHEN typeof(${value}) = 'float' THEN CAST(TRY_CAST(CAST(${value} AS STRING) AS FLOAT) AS DOUBLE) ELSE TRY_CAST(CAST(${value} AS STRING) AS DOUBLE) END)`,
    castInt: (number) => `CAST(${withoutNaN(`CAST(${number} AS DOUBLE)`)} AS BIGINT)`,
    intSum: (ints, over) => `CAST(sum(CAST(${ints} AS DECIMAL(38, 0)))${over} AS DOUBLE)`,
    orderedSum: "window",
    wholeNumber: (fn, double) =>
      `(CASE WHEN abs(${double}) < ${FRACTION_LIMIT} THEN CAST(${fn}(${double}) AS DOUBLE) ELSE ${double} END)`,
    truncateSmall: (double) => `CAST(CAST(${double} AS BIGINT) AS DOUBLE)`,
    valueAt: (which, value, order) => `${which === "first" ? "min_by" : "max_by"}(${value}, ${order})`,
    existsJoin: (kind, { left, right, alias, on, rightWhere }) => {
      const test = rightWhere === undefined ? on : `${on} AND ${rightWhere}`;
      return `${left} WHERE ${kind === "anti" ? "NOT " : ""}EXISTS (SELECT 1 FROM ${right} AS ${alias} WHERE ${test})`;
    },
  },
};
