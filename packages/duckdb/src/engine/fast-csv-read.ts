import type { DuckDBConnection } from "@duckdb/node-api";
import {
  booleanCellSql,
  COLUMN_TYPE,
  type ColumnSpec,
  emptyCellSql,
  enumCellSql,
  isDateColumn,
  midnightSql,
} from "@tablepipe/io";
import { BYTE_KIND } from "./byte-kinds";
import { DUCKDB_TYPES } from "./column-types";
import { DUCKDB_CELL_DIALECT } from "./duckdb-cell-dialect";
import { quote, sqlString } from "./sql-text";

/**
 * The fast first try of a CSV read on DuckDB: every cell is cast with DuckDB's own vectorised casts, guarded by
 * cheap checks so that a cell is accepted only where readTable accepts it, with the value readTable gives. A
 * cell the guards cannot vouch for (a parse failure, an empty cell that must not be empty, a layout the fast
 * path does not know such as `07/27/2018 09:14:45 AM`) only flags the read: it is then redone on the exact
 * text path, which names the bad value or drops its row. The guards are checked against the text path's own
 * expressions by a property test (`fast-csv-read.test.ts`).
 */

/**
 * The blanks DuckDB's casts trim and readTable does not (it trims spaces and tabs only): vertical tab, form
 * feed, and the CR and LF a quoted cell may hold. `5\f` is 5 to the cast and no number to readTable.
 */
const CAST_ONLY_BLANKS = ["\v", "\f", "\r", "\n"] as const;

/**
 * What DuckDB's DOUBLE cast reads and readTable refuses, found anywhere in a row's number cells: a digit
 * separator (`1_000`), a blank only the cast trims ({@link CAST_ONLY_BLANKS}) or two signs (`+-1`); for an
 * integer cell also an exponent (`1e3`) and a fraction without a digit before it (`.0`). Each kind's cells are
 * joined by `|` (a cut no pattern spans) and checked once per row: a refused cell refuses the whole fast read,
 * so which cell it was does not matter. A regex call on every row costs ~0.7 s at 10M rows, so cheap
 * `contains` tests decide almost every row and the regex runs only on a row holding a sign (or, for integers,
 * a point): `found` always refuses, `maybe` asks the regex.
 */
const NUMBER_GUARDS: Readonly<
  Record<"float" | "int", { found: readonly string[]; maybe: readonly string[]; pattern: string }>
> = {
  float: { found: ["_", ...CAST_ONLY_BLANKS], maybe: ["+", "-"], pattern: "[+-][+-]" },
  int: {
    found: ["_", ...CAST_ONLY_BLANKS, "e", "E"],
    maybe: ["+", "-", "."],
    pattern: String.raw`[+-][+-]|(?:^|[^0-9])\.`,
  },
};

/** One character as SQL: a string literal, or `chr(n)` for a control character. */
function charSql(char: string): string {
  const code = char.charCodeAt(0);
  return code < 32 ? `chr(${code})` : sqlString(char);
}

/** The guard of one kind's joined number cells `s`: true when the row must take the exact path. */
function numberGuardSql(kind: "float" | "int", s: string): string {
  const { found, maybe, pattern } = NUMBER_GUARDS[kind];
  const any = (needles: readonly string[]): string =>
    needles.map((needle) => `contains(${s}, ${charSql(needle)})`).join(" OR ");
  return `CASE WHEN ${any(found)} THEN TRUE WHEN ${any(maybe)} THEN regexp_matches(${s}, ${sqlString(pattern)}) ELSE FALSE END`;
}

/**
 * An ISO time stamp without a zone, fraction or one-digit field, hour 00-23: the layouts DuckDB's TIMESTAMP cast
 * reads as readTable does (the cast reads `24:00` as the next midnight, which readTable refuses).
 */
const ISO_STAMP = String.raw`[ \t]*[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ](?:[01][0-9]|2[0-3]):[0-9]{2}(?::[0-9]{2})?)?[ \t]*`;

/**
 * A time-stamp cell's fast parse from the raw cell `r` and its cast `t` (`TRY_CAST(r AS TIMESTAMP)`, computed
 * once in the layer below: DuckDB casts again for each use of the expression, ~0.45 s at 10M rows of two
 * columns): the cast, taken when the cell is exactly what DuckDB prints for the value it read
 * (`YYYY-MM-DD HH:MM:SS`, 19 characters: four-digit year, two-digit fields, hour 00-23, no fraction, zone or
 * blank, so within {@link ISO_STAMP}), else when the cell matches ISO_STAMP. Printing the value back costs less
 * than the regex (~0.4 s at 10M rows of two time-stamp columns), and almost every cell is printed form.
 */
function stampSql(r: string, t: string): string {
  return `CASE WHEN length(${r}) = 19 AND CAST(${t} AS VARCHAR) = ${r} THEN ${t} WHEN regexp_full_match(${r}, ${sqlString(ISO_STAMP)}) THEN ${t} END`;
}

/**
 * What a scan of a file's bytes vouches for, so that the fast read can skip a guard: `typedNumbers`, its number
 * columns are read as DOUBLE by DuckDB (see {@link typedReadRisks}); `canonicalStamps`, every time-stamp cell is
 * empty or written `YYYY-MM-DD HH:MM:SS` (`stamp-lines.ts`), where the cast alone gives readTable's value.
 */
export interface ReadTrust {
  readonly typedNumbers: boolean;
  readonly canonicalStamps: boolean;
}

/** Nothing vouched for: every guard runs. */
export const NO_TRUST: ReadTrust = { typedNumbers: false, canonicalStamps: false };

/** The largest integer readTable reads exactly (`Number.MAX_SAFE_INTEGER`). */
const MAX_INT = Number.MAX_SAFE_INTEGER;

/**
 * One column's fast parse over the raw cell `r` (NULL when empty): `inner` computes the cast `x<c>` once per
 * cell (a time stamp's cast `t<c>`, then its guarded value `x<c>` in the `middle` layer over it, unless `trust`
 * vouches for its cells), `value` reads the column's value from it (what it gives on a refused cell does not
 * matter: the row is flagged), and `parsed` is NULL exactly when a non-empty cell fails the cast or its guard
 * (for time stamps, booleans and enums: the cast is the guard). Numbers are checked together, per row (see
 * `fastReadSql`).
 */
function fastLayers(
  spec: ColumnSpec,
  r: string,
  c: number,
  trust: ReadTrust,
): { inner: string[]; middle?: string[]; value: string; parsed: string } {
  const x = quote(`x${c}`);
  const { typedNumbers } = trust;
  switch (spec.kind) {
    case "float":
    case "int": {
      // a typed read gives the number itself (NULL for an empty cell; a cell it cannot read stops the read)
      const number = typedNumbers ? r : x;
      return {
        inner: typedNumbers ? [] : [`TRY_CAST(${r} AS DOUBLE) AS ${x}`],
        value: spec.kind === "int" ? `TRY_CAST(${number} AS BIGINT)` : number,
        parsed: number,
      };
    }
    case "timestamp": {
      // a date column's cell holding a time of day other than midnight is refused (readTable names it)
      const parsed = isDateColumn(spec)
        ? `CASE WHEN ${midnightSql(DUCKDB_CELL_DIALECT, x)} THEN ${x} END`
        : x;
      // a canonical cell is within ISO_STAMP: stampSql would give the cast itself
      if (trust.canonicalStamps) return { inner: [`TRY_CAST(${r} AS TIMESTAMP) AS ${x}`], value: x, parsed };
      const t = quote(`t${c}`);
      return {
        inner: [`TRY_CAST(${r} AS TIMESTAMP) AS ${t}`],
        middle: [`${stampSql(r, t)} AS ${x}`],
        value: x,
        parsed,
      };
    }
    case "boolean": {
      const t = DUCKDB_CELL_DIALECT.trimSpaceTab(r);
      return { inner: [`${booleanCellSql(DUCKDB_CELL_DIALECT, t)} AS ${x}`], value: x, parsed: x };
    }
    case "enum":
      return {
        inner: [`${enumCellSql(DUCKDB_CELL_DIALECT, r, spec.values ?? [])} AS ${x}`],
        value: x,
        parsed: x,
      };
    case "string":
      return { inner: [], value: r, parsed: r };
  }
}

/** The flag column of the fast read: true on a row that needs the exact path. */
export const NEEDS_TEXT_PATH = "__tablepipe_needs_text_path";

/**
 * The per-row checks of the number cells, as a few arithmetic expressions over all of them rather than a
 * CASE per cell (at 10M rows of 14 number columns the CASEs cost more than the casts). `terms` holds each
 * number cell's cast, its empty cells read as 0 where the column may be empty (an empty cell that may not be
 * empty, or a cell the cast refuses, is NULL and makes its expression NULL: refused). A float refuses
 * infinity and NaN: the sum of the floats is finite, else refused (two huge finite values can overflow the
 * sum: a false alarm, which only sends the read to the exact path). An int refuses a fraction and a value
 * beyond 2^53 - 1: the sum of each one's distance above its floor is 0 (each is in [0, 1), so none cancels
 * another; NaN and infinity give NaN), and each one is in range: their absolute values sum to at most 2^53 - 1
 * (no rounding brings a sum of non-negative terms below its largest term), else, on the rare row where that sum
 * is larger, the largest and smallest are in range. At 1M rows of six integer columns `greatest` and `least` on
 * every row cost ~40 ms, the sum of absolute values ~10 ms.
 */
function numberChecks(floats: readonly string[], ints: readonly string[]): string[] {
  const checks: string[] = [];
  if (floats.length > 0) checks.push(`NOT coalesce(isfinite(${floats.join(" + ")}), FALSE)`);
  if (ints.length > 0) {
    // each distance in parentheses: `a - floor(a) + b - floor(b)` would add a's fraction to b first, where a
    // large b absorbs it (-1.51 beside 2^53 - 1 summed to 0)
    const fractions = ints.map((t) => `(${t} - floor(${t}))`).join(" + ");
    const inRange =
      ints.length === 1
        ? `abs(${ints[0]}) <= ${MAX_INT}`
        : `CASE WHEN ${ints.map((t) => `abs(${t})`).join(" + ")} <= ${MAX_INT} THEN TRUE ELSE greatest(${ints.join(", ")}) <= ${MAX_INT} AND least(${ints.join(", ")}) >= -${MAX_INT} END`;
    checks.push(`NOT coalesce(${fractions} = 0 AND ${inRange}, FALSE)`);
  }
  return checks;
}

/**
 * The byte kinds (`BYTE_KIND`) of a file's body under which DuckDB's typed read of its number columns as
 * DOUBLE gives readTable's numbers, given the row checks of `fastReadSql` (finite floats; integers whole and
 * within 2^53; no empty cell where none may be): nothing DuckDB reads and readTable refuses can be spelled
 * without one of these. Always: `_` (`1_000`), `+` (`+-1`), blanks only DuckDB trims (`5\f`), a quote (a
 * quoted CR or LF) and a CR inside a line; with integer columns, also an exponent (`1e3`) and a point after
 * no digit (`.0`).
 */
export function typedReadRisks(specs: readonly ColumnSpec[], found: readonly number[]): number {
  const always =
    BYTE_KIND.underscore | BYTE_KIND.plus | BYTE_KIND.castBlank | BYTE_KIND.quote | BYTE_KIND.loneCr;
  const ints = specs.some((spec, c) => spec.kind === "int" && (found[c] ?? -1) >= 0);
  return ints ? always | BYTE_KIND.exponent | BYTE_KIND.barePoint : always;
}

/**
 * The fast read of one file as a query over `source` (the file's cells as text, or with `trust.typedNumbers` its
 * number columns read as DOUBLE by DuckDB: for a file whose bytes hold none of {@link typedReadRisks}): each
 * schema column from the file column `found[i]` holds (or absent: its default or null), with its type, then
 * {@link NEEDS_TEXT_PATH}: true on a row with a cell the guards refuse, or an empty cell in a column that may
 * not be empty. Columns named in `carry` pass through first.
 */
export function fastReadSql(
  specs: readonly ColumnSpec[],
  header: readonly string[],
  found: readonly number[],
  source: string,
  carry: readonly string[] = [],
  trust: ReadTrust = NO_TRUST,
): string {
  const { typedNumbers } = trust;
  const inner: string[] = carry.map(quote);
  const middle: string[] = [];
  const outer: string[] = carry.map(quote);
  const flags: string[] = [];
  const numberCells: Record<"float" | "int", string[]> = { float: [], int: [] };
  const numberTerms: Record<"float" | "int", string[]> = { float: [], int: [] };
  for (const [c, spec] of specs.entries()) {
    const type = DUCKDB_TYPES[COLUMN_TYPE[spec.kind]];
    const mayBeEmpty = spec.nullable || spec.hasDefault;
    const index = found[c] ?? -1;
    if (index < 0) {
      if (!mayBeEmpty) flags.push("TRUE");
      outer.push(`${emptyCellSql(DUCKDB_CELL_DIALECT, spec)} AS ${quote(spec.name)}`);
      continue;
    }
    const r = quote(`r${c}`);
    const layers = fastLayers(spec, r, c, trust);
    inner.push(`${quote(header[index] as string)} AS ${r}`, ...layers.inner);
    middle.push(...(layers.middle ?? []));
    // an empty cell is NULL (quoted `""` is text); a cell of blanks, or `""` outside a string column, is left
    // to the exact path (readTable reads both as empty): trimming every cell here would cost more than the casts
    const value = spec.hasDefault
      ? `coalesce(${layers.value}, ${emptyCellSql(DUCKDB_CELL_DIALECT, spec)})`
      : layers.value;
    outer.push(`CAST(${value} AS ${type}) AS ${quote(spec.name)}`);
    const isNumber = spec.kind === "float" || spec.kind === "int";
    if (isNumber) {
      if (!typedNumbers) numberCells[spec.kind].push(quote(header[index] as string));
      numberTerms[spec.kind].push(mayBeEmpty ? `coalesce(${layers.parsed}, 0)` : layers.parsed);
    }
    // a cell that is there and refused (a typed number is never); where a cell may not be empty, a number's
    // NULL refuses its row's check
    if (mayBeEmpty) {
      if (spec.kind !== "string" && !(isNumber && typedNumbers)) {
        flags.push(`(${layers.parsed} IS NULL AND ${r} IS NOT NULL)`);
      }
    } else if (!isNumber) flags.push(`${layers.parsed} IS NULL`);
  }
  flags.push(...numberChecks(numberTerms.float, numberTerms.int));
  for (const kind of ["float", "int"] as const) {
    const cells = numberCells[kind];
    if (cells.length === 0) continue;
    const s = quote(`s_${kind}`);
    inner.push(`concat_ws('|', ${cells.join(", ")}) AS ${s}`);
    flags.push(numberGuardSql(kind, s));
  }
  const flag = `(${flags.join(" OR ") || "FALSE"}) AS ${quote(NEEDS_TEXT_PATH)}`;
  const cells = `SELECT ${inner.join(", ") || "1"} FROM ${source}`;
  const parsed = middle.length === 0 ? cells : `SELECT *, ${middle.join(", ")} FROM (${cells})`;
  return `SELECT ${[...outer, flag].join(", ")} FROM (${parsed})`;
}

/** The message of the error a streamed read raises on a cell the fast read cannot vouch for. */
export const NEEDS_EXACT_READ = "tablepipe: a cell needs the exact read";

/** The first row number of the i-th file of a streamed read: each file's rows numbered apart, without counting. */
export const ROWS_PER_FILE = 2 ** 40;

/**
 * One file's part of a streamed view over `read`, a fast read of it (its columns, the flag
 * {@link NEEDS_TEXT_PATH}, and the `carried` columns it passes on): its columns but the flag and the carried
 * ones, then `row` as the row-order column `rowColumn`; a flagged row stops the query with
 * {@link NEEDS_EXACT_READ}.
 */
export function checkedPartSql(
  read: string,
  carried: readonly string[],
  row: string,
  rowColumn: string,
): string {
  const flag = quote(NEEDS_TEXT_PATH);
  const check = `CASE WHEN ${flag} THEN error(${sqlString(NEEDS_EXACT_READ)}) ELSE TRUE END`;
  const excluded = [flag, ...carried.map(quote)].join(", ");
  return `SELECT * EXCLUDE (${excluded}), ${row} AS ${quote(rowColumn)} FROM (${read}) WHERE ${check}`;
}

/** DuckDB's virtual column of a file read: the file's index among the files read (0 for one file). */
const FILE_INDEX = "file_index";

/**
 * The fast read of one file as a streamed query (a view's part, read as the query that uses it runs): the
 * columns of {@link fastReadSql}, then the row-order column `rowColumn` (the i-th file's rows numbered from
 * i·2^40 in file order); a row with a cell the guards refuse stops the query with {@link NEEDS_EXACT_READ}.
 * `trust`: what a scan of the file vouches for (see {@link fastReadSql}).
 * `numbered: false`: the rows are not numbered (numbering runs on one core), and `rowColumn` is a stand-in, a
 * per-row value no row-order marker equals (DuckDB's `file_index`, or 0 when the file has a column of that
 * name): for a query that keeps the rows in file order itself, into a table whose rowid then numbers them.
 */
export function streamedReadSql(
  specs: readonly ColumnSpec[],
  header: readonly string[],
  found: readonly number[],
  source: string,
  fileIndex: number,
  rowColumn: string,
  numbered = true,
  trust: ReadTrust = NO_TRUST,
): string {
  const clash = header.some((name) => name.toLowerCase() === FILE_INDEX);
  const carry = numbered || clash ? [] : [FILE_INDEX];
  const row = numbered
    ? `${fileIndex * ROWS_PER_FILE} + row_number() OVER () - 1`
    : clash
      ? "CAST(0 AS BIGINT)"
      : `CAST(${quote(FILE_INDEX)} AS BIGINT)`;
  return checkedPartSql(fastReadSql(specs, header, found, source, carry, trust), carry, row, rowColumn);
}

/** Run `sql`, true when it ran; false on any DuckDB error (the exact path then reads the files and names it). */
export async function ranCleanly(connection: DuckDBConnection, sql: string): Promise<boolean> {
  try {
    await connection.run(sql);
    return true;
  } catch {
    return false;
  }
}
