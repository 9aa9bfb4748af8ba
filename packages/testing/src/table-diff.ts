import type { DisplaySchema } from "@tablepipe/core";
import { carriedDisplaySchema } from "@tablepipe/core/internal";
import { describeCellValue } from "./format-value";
import { isTableLike, type TableLike } from "./table-like";
import { cellsEqual, compareCells } from "./table-values";

/** How two tables are compared. */
export interface TableEqualityOptions {
  /** Compare rows as a multiset: both tables are sorted by all columns (a total order) first. Default false. */
  ignoreRowOrder?: boolean;
  /** Accept the same columns in another order. Default false. */
  ignoreColumnOrder?: boolean;
  /** Numbers whose absolute difference is at most this are equal. Default 0 (exact). */
  tolerance?: number;
  /** How many differing rows a failure message shows. Default 10. */
  maxDiffRows?: number;
  /**
   * Column types for the messages, when neither table knows its column types (tables from `readTable`, the
   * row factories, `typedTable` and a step's output do): `{ ordered_at: "timestamp" }` shows that column's epoch
   * milliseconds as `2018-02-04 18:00:00`. Does not change what is equal.
   */
  schema?: DisplaySchema;
}

/** One pair of rows that differ; a side is `null` when the other table has no row to pair it with. */
export interface RowDiff {
  /** Row index in the actual table, or `null` when actual has no row here. */
  readonly actualIndex: number | null;
  /** Row index in the expected table, or `null` when expected has no row here. */
  readonly expectedIndex: number | null;
  /** The actual row's values for {@link TableDiff.columns}, or `null`. */
  readonly actual: readonly unknown[] | null;
  /** The expected row's values for {@link TableDiff.columns}, or `null`. */
  readonly expected: readonly unknown[] | null;
  /** The compared columns whose cells differ (all of them when a side is missing). */
  readonly differingColumns: readonly string[];
}

/** Everything that differs between two tables; `equal` is true when nothing does. */
export interface TableDiff {
  /** True when the tables are equal under the options. */
  readonly equal: boolean;
  /** The options the comparison used, defaults filled in. */
  readonly options: Required<TableEqualityOptions>;
  /**
   * The compared columns that hold time stamps or dates as epoch milliseconds (from the `schema` option, or
   * the schema either table remembers), shown as `2018-02-04 18:00:00` / `2018-02-04` in messages.
   */
  readonly timeColumns: Readonly<Record<string, "timestamp" | "date">>;
  /** The actual table's columns, in order. */
  readonly actualColumns: readonly string[];
  /** The expected table's columns, in order. */
  readonly expectedColumns: readonly string[];
  /** Columns rows were compared on: those in both tables, in expected's order. */
  readonly columns: readonly string[];
  /** Expected columns that actual lacks. */
  readonly missingColumns: readonly string[];
  /** Actual columns that expected lacks. */
  readonly extraColumns: readonly string[];
  /** True when the shared columns come in another order (and column order is not ignored). */
  readonly columnOrderDiffers: boolean;
  /** Rows in the actual table. */
  readonly actualRowCount: number;
  /** Rows in the expected table. */
  readonly expectedRowCount: number;
  /**
   * How many row pairs differ in all: rows at the same index that differ, or (ignoring row order) the larger
   * of {@link unmatchedActualRows} and {@link unmatchedExpectedRows}.
   */
  readonly differingRowCount: number;
  /** Rows of actual without an equal row in expected (at the same index, unless row order is ignored). */
  readonly unmatchedActualRows: number;
  /** Rows of expected without an equal row in actual (at the same index, unless row order is ignored). */
  readonly unmatchedExpectedRows: number;
  /**
   * The first `maxDiffRows` differing row pairs. Ignoring row order, each unmatched actual row (in sorted
   * order) is paired with the unmatched expected row sharing the most cells with it, if any.
   */
  readonly differingRows: readonly RowDiff[];
}

const DEFAULTS: Required<TableEqualityOptions> = {
  ignoreRowOrder: false,
  ignoreColumnOrder: false,
  tolerance: 0,
  maxDiffRows: 10,
  schema: {},
};

/** The columns that hold time stamps or dates, by the explicit schema or the types either table carries. */
function timeColumnsOf(
  columns: readonly string[],
  explicit: DisplaySchema,
  tables: readonly TableLike[],
): Record<string, "timestamp" | "date"> {
  const schemas = [explicit, ...tables.map((t) => carriedDisplaySchema(t) ?? {})];
  const out: Record<string, "timestamp" | "date"> = {};
  for (const name of columns) {
    for (const schema of schemas) {
      const given = schema[name];
      const type = typeof given === "string" ? given : given?.type;
      if (type === "timestamp" || type === "date") {
        out[name] = type;
        break;
      }
    }
  }
  return out;
}

/**
 * Compares two tables and describes every difference: columns missing, extra or out of order, row counts,
 * and the differing rows. Throws a TypeError when an argument is not a table or an option is invalid.
 * @example diffTables(actual, expected, { ignoreRowOrder: true, tolerance: 1e-9 }).equal
 */
export function diffTables(
  actual: TableLike,
  expected: TableLike,
  options: TableEqualityOptions = {},
): TableDiff {
  const resolved = resolveOptions(options);
  for (const [label, value] of [
    ["actual", actual],
    ["expected", expected],
  ] as const) {
    if (!isTableLike(value))
      throw new TypeError(`${label} is not a table (an arquero ColumnTable): ${describeCellValue(value)}`);
  }
  const actualColumns = actual.columnNames();
  const expectedColumns = expected.columnNames();
  const actualSet = new Set(actualColumns);
  const expectedSet = new Set(expectedColumns);
  const columns = expectedColumns.filter((name) => actualSet.has(name));
  const missingColumns = expectedColumns.filter((name) => !actualSet.has(name));
  const extraColumns = actualColumns.filter((name) => !expectedSet.has(name));
  const sharedInActualOrder = actualColumns.filter((name) => expectedSet.has(name));
  const columnOrderDiffers =
    !resolved.ignoreColumnOrder && sharedInActualOrder.some((name, index) => name !== columns[index]);

  const actualRows = readRows(actual, columns);
  const expectedRows = readRows(expected, columns);
  const rows = resolved.ignoreRowOrder
    ? unorderedRowDiffs(actualRows, expectedRows, columns, resolved)
    : positionalRowDiffs(actualRows, expectedRows, columns, resolved);
  const equal =
    missingColumns.length === 0 &&
    extraColumns.length === 0 &&
    !columnOrderDiffers &&
    actualRows.length === expectedRows.length &&
    rows.differingRowCount === 0;
  return {
    equal,
    options: resolved,
    timeColumns: timeColumnsOf(columns, resolved.schema, [actual, expected]),
    actualColumns,
    expectedColumns,
    columns,
    missingColumns,
    extraColumns,
    columnOrderDiffers,
    actualRowCount: actualRows.length,
    expectedRowCount: expectedRows.length,
    ...rows,
  };
}

function resolveOptions(options: TableEqualityOptions): Required<TableEqualityOptions> {
  const resolved = { ...DEFAULTS, ...stripUndefined(options) };
  if (!(resolved.tolerance >= 0)) {
    throw new TypeError(`tolerance must be a number >= 0, got ${describeCellValue(options.tolerance)}`);
  }
  if (!Number.isInteger(resolved.maxDiffRows) || resolved.maxDiffRows < 0) {
    throw new TypeError(`maxDiffRows must be an integer >= 0, got ${describeCellValue(options.maxDiffRows)}`);
  }
  return resolved;
}

function stripUndefined(options: TableEqualityOptions): TableEqualityOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** The rows of a table as arrays of cells, for the given columns (filters and order respected). */
function readRows(table: TableLike, columns: readonly string[]): unknown[][] {
  const data = columns.map((name) => table.array(name));
  const rows: unknown[][] = [];
  for (let row = 0; row < table.numRows(); row++) rows.push(data.map((values) => values[row]));
  return rows;
}

type Row = readonly unknown[];

interface RowDiffs {
  differingRowCount: number;
  unmatchedActualRows: number;
  unmatchedExpectedRows: number;
  differingRows: RowDiff[];
}

/** Row i against row i; surplus rows of the longer table pair with nothing. */
function positionalRowDiffs(
  actual: readonly Row[],
  expected: readonly Row[],
  columns: readonly string[],
  options: Required<TableEqualityOptions>,
): RowDiffs {
  const result: RowDiffs = {
    differingRowCount: 0,
    unmatchedActualRows: 0,
    unmatchedExpectedRows: 0,
    differingRows: [],
  };
  for (let row = 0; row < Math.max(actual.length, expected.length); row++) {
    const pair = rowDiff(
      row < actual.length ? row : null,
      row < expected.length ? row : null,
      actual,
      expected,
      columns,
      options.tolerance,
    );
    if (pair === undefined) continue;
    result.differingRowCount++;
    if (pair.actual !== null) result.unmatchedActualRows++;
    if (pair.expected !== null) result.unmatchedExpectedRows++;
    if (result.differingRows.length < options.maxDiffRows) result.differingRows.push(pair);
  }
  return result;
}

/**
 * Sorts both tables' rows by every column (a total order; ties by original index, so deterministic), walks
 * them in step to match equal rows, then pairs the first unmatched actual rows with their closest unmatched
 * expected rows for the report.
 */
function unorderedRowDiffs(
  actual: readonly Row[],
  expected: readonly Row[],
  columns: readonly string[],
  options: Required<TableEqualityOptions>,
): RowDiffs {
  const { tolerance, maxDiffRows } = options;
  const compareRows = (a: Row, b: Row): number => {
    for (let column = 0; column < a.length; column++) {
      const order = compareCells(a[column], b[column], tolerance);
      if (order !== 0) return order;
    }
    return 0;
  };
  const sortedIndices = (rows: readonly Row[]): number[] =>
    rows.map((_, index) => index).sort((i, j) => compareRows(rows[i] ?? [], rows[j] ?? []) || i - j);
  const actualOrder = sortedIndices(actual);
  const expectedOrder = sortedIndices(expected);
  const unmatchedActual: number[] = [];
  const unmatchedExpected: number[] = [];
  let i = 0;
  let j = 0;
  while (i < actualOrder.length && j < expectedOrder.length) {
    const a = actualOrder[i] ?? 0;
    const e = expectedOrder[j] ?? 0;
    const order = compareRows(actual[a] ?? [], expected[e] ?? []);
    if (order === 0 && equalCellCount(actual[a] ?? [], expected[e] ?? [], tolerance) === columns.length) {
      i++;
      j++;
    } else if (order <= 0) {
      unmatchedActual.push(a);
      i++;
    } else {
      unmatchedExpected.push(e);
      j++;
    }
  }
  unmatchedActual.push(...actualOrder.slice(i));
  unmatchedExpected.push(...expectedOrder.slice(j));

  const differingRows: RowDiff[] = [];
  const available = new Set(unmatchedExpected);
  for (const a of unmatchedActual) {
    if (differingRows.length >= maxDiffRows) break;
    let best: number | null = null;
    let bestShared = columns.length > 1 ? 0 : -1;
    for (const e of available) {
      const shared = equalCellCount(actual[a] ?? [], expected[e] ?? [], tolerance);
      if (shared > bestShared) {
        best = e;
        bestShared = shared;
      }
    }
    if (best !== null) available.delete(best);
    const pair = rowDiff(a, best, actual, expected, columns, tolerance);
    if (pair !== undefined) differingRows.push(pair);
  }
  for (const e of available) {
    if (differingRows.length >= maxDiffRows) break;
    const pair = rowDiff(null, e, actual, expected, columns, tolerance);
    if (pair !== undefined) differingRows.push(pair);
  }
  return {
    differingRowCount: Math.max(unmatchedActual.length, unmatchedExpected.length),
    unmatchedActualRows: unmatchedActual.length,
    unmatchedExpectedRows: unmatchedExpected.length,
    differingRows,
  };
}

/** The diff of one pair of rows, or `undefined` when both exist and are equal. */
function rowDiff(
  actualIndex: number | null,
  expectedIndex: number | null,
  actual: readonly Row[],
  expected: readonly Row[],
  columns: readonly string[],
  tolerance: number,
): RowDiff | undefined {
  const actualRow = actualIndex === null ? null : (actual[actualIndex] ?? null);
  const expectedRow = expectedIndex === null ? null : (expected[expectedIndex] ?? null);
  const differingColumns = columns.filter(
    (_name, column) =>
      actualRow === null ||
      expectedRow === null ||
      !cellsEqual(actualRow[column], expectedRow[column], tolerance),
  );
  if (differingColumns.length === 0 && actualRow !== null && expectedRow !== null) return undefined;
  return { actualIndex, expectedIndex, actual: actualRow, expected: expectedRow, differingColumns };
}

function equalCellCount(a: Row, b: Row, tolerance: number): number {
  let count = 0;
  for (let column = 0; column < a.length; column++) if (cellsEqual(a[column], b[column], tolerance)) count++;
  return count;
}
