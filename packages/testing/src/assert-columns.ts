import { plural } from "./column-names";
import { describeCellValue } from "./format-value";
import { isTableLike, type TableLike } from "./table-like";

/** How {@link assertColumns} compares column names. */
export interface ColumnsOptions {
  /** The table must have no other columns. Default false: the names must be a subset of the table's columns. */
  exact?: boolean;
  /** The names must appear in the table in the order given (other columns may sit between them). Default false. */
  ordered?: boolean;
}

/** The outcome of a column check: `pass`, and a message describing the table's columns against the names. */
export interface ColumnsCheck {
  readonly pass: boolean;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly outOfOrder: boolean;
  readonly message: string;
}

/** Thrown by {@link assertColumns}. */
export class ColumnMismatchError extends Error {
  override readonly name = "ColumnMismatchError";
  /** Details of the failed check. */
  readonly check: ColumnsCheck;

  constructor(check: ColumnsCheck) {
    super(check.message);
    this.check = check;
  }
}

/**
 * Compares a table's column names with the given ones without throwing (the matcher `toHaveColumns` uses it).
 * @example checkColumns(features, ["month", "day_of_week"]).pass
 */
export function checkColumns(
  table: TableLike,
  names: readonly string[],
  options: ColumnsOptions = {},
): ColumnsCheck {
  if (!isTableLike(table))
    throw new TypeError(`expected a table (an arquero ColumnTable), got ${describeCellValue(table)}`);
  if (!Array.isArray(names) || names.some((name) => typeof name !== "string")) {
    throw new TypeError(`expected the column names as an array of strings, got ${describeCellValue(names)}`);
  }
  const actual = table.columnNames();
  const actualSet = new Set(actual);
  const wanted = new Set(names);
  const missing = names.filter((name) => !actualSet.has(name));
  const extra = options.exact ? actual.filter((name) => !wanted.has(name)) : [];
  const positions = names.filter((name) => actualSet.has(name)).map((name) => actual.indexOf(name));
  const outOfOrder =
    Boolean(options.ordered) && positions.some((position, i) => i > 0 && position < (positions[i - 1] ?? 0));
  const pass = missing.length === 0 && extra.length === 0 && !outOfOrder;
  const rule = [options.exact ? "exactly" : "at least", options.ordered ? "in this order" : ""]
    .filter(Boolean)
    .join(", ");
  const lines = [
    `table columns: ${actual.join(", ") || "(none)"}`,
    `expected (${rule}): ${names.join(", ") || "(none)"}`,
  ];
  if (missing.length > 0) lines.push(`missing ${plural(missing.length, "column")}: ${missing.join(", ")}`);
  if (extra.length > 0) lines.push(`extra ${plural(extra.length, "column")}: ${extra.join(", ")}`);
  if (outOfOrder) lines.push("the columns are not in the order given");
  const headline = pass ? "The table has the columns" : "The table's columns do not match";
  return {
    pass,
    missing,
    extra,
    outOfOrder,
    message: [`${headline}:`, ...lines.map((line) => `- ${line}`)].join("\n"),
  };
}

/**
 * Asserts a table has the given columns (the guide's `is_subset` check), or exactly them with `exact`.
 * @example assertColumns(features, ["month", "day_of_week", "day_of_month", "store_and_fwd_flag_is_N"])
 */
export function assertColumns(
  table: TableLike,
  names: readonly string[],
  options: ColumnsOptions = {},
): void {
  const check = checkColumns(table, names, options);
  if (!check.pass) throw new ColumnMismatchError(check);
}
