import { formatTableDiff } from "./format-diff";
import { diffTables, type TableDiff, type TableEqualityOptions } from "./table-diff";
import type { TableLike } from "./table-like";

/** Thrown by {@link assertTablesEqual}; the message is the readable diff, `diff` the structured one. */
export class TableMismatchError extends Error {
  override readonly name = "TableMismatchError";
  // not `diff`: vitest prints an error's `diff` (own or inherited) as its diff text, which would read `[object Object]`
  readonly #diff: TableDiff;

  constructor(diff: TableDiff) {
    super(formatTableDiff(diff));
    this.#diff = diff;
  }

  /** Everything that differs, for programmatic checks. */
  get tableDiff(): TableDiff {
    return this.#diff;
  }
}

/**
 * Asserts two tables are equal, chispa-style: same columns (in the same order unless `ignoreColumnOrder`),
 * same rows (in the same order unless `ignoreRowOrder`), numbers equal within `tolerance`. Dates compare by
 * time value, and a Date equals the number of its epoch milliseconds (how `readTable` and the row factories
 * hold time stamps), so expected tables may be written with Dates; NaN equals NaN, `null` equals `undefined`
 * (both are a missing value), and typed and plain arrays holding equal numbers are equal. Throws a
 * {@link TableMismatchError} with a readable row diff.
 * @example assertTablesEqual(addFeatures(input), expected, { ignoreRowOrder: true, tolerance: 1e-9 })
 */
export function assertTablesEqual(
  actual: TableLike,
  expected: TableLike,
  options: TableEqualityOptions = {},
): void {
  const diff = diffTables(actual, expected, options);
  if (!diff.equal) throw new TableMismatchError(diff);
}
