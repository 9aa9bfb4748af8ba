/**
 * Vitest matchers for tables. Import once (in a test file or as a `setupFiles` entry) to register them:
 * `import "@tablepipe/testing/vitest";` then `expect(table).toEqualTable(expected, { ignoreRowOrder: true })`.
 */
import { expect } from "vitest";
import { type ColumnsOptions, checkColumns } from "./assert-columns";
import { formatTableDiff } from "./format-diff";
import { describeCellValue } from "./format-value";
import { diffTables, type TableEqualityOptions } from "./table-diff";
import { isTableLike, type TableLike } from "./table-like";

export type { ColumnsOptions } from "./assert-columns";
export type { TableEqualityOptions } from "./table-diff";
export type { TableLike } from "./table-like";

/** The matchers this module adds to vitest's `expect`. */
export interface TableMatchers<R = unknown> {
  /**
   * Passes when the received table equals `expected` (see `assertTablesEqual` for the rules); fails with
   * the row diff. `.not` passes when they differ.
   * @example expect(actual).toEqualTable(expected, { ignoreRowOrder: true, tolerance: 1e-9 })
   */
  toEqualTable(expected: TableLike, options?: TableEqualityOptions): R;
  /**
   * Passes when the received table has all the named columns (exactly them with `{ exact: true }`).
   * @example expect(features).toHaveColumns(["month", "day_of_week"]); expect(input).not.toHaveColumns(["month"])
   */
  toHaveColumns(columns: readonly string[], options?: ColumnsOptions): R;
}

declare module "vitest" {
  // The type parameter must repeat vitest's own declaration (`T = any`) for the interfaces to merge.
  // biome-ignore lint/suspicious/noExplicitAny: dictated by vitest's `Matchers<T = any>`
  interface Matchers<T = any> extends TableMatchers<T> {}
}

function requireTable(matcher: string, received: unknown): TableLike {
  if (isTableLike(received)) return received;
  throw new TypeError(
    `${matcher}: the received value must be a table (an arquero ColumnTable), got ${describeCellValue(received)}`,
  );
}

expect.extend({
  toEqualTable(received: unknown, expected: TableLike, options?: TableEqualityOptions) {
    const actual = requireTable("toEqualTable", received);
    if (!isTableLike(expected)) {
      throw new TypeError(
        `toEqualTable: the expected value must be a table, got ${describeCellValue(expected)}`,
      );
    }
    const diff = diffTables(actual, expected, options);
    const hint = this.utils.matcherHint(`${this.isNot ? ".not" : ""}.toEqualTable`, "actual", "expected");
    return {
      pass: diff.equal,
      message: () =>
        diff.equal
          ? `${hint}\n\nExpected the tables to differ, but they are equal (${diff.actualRowCount} rows; columns: ${diff.actualColumns.join(", ")}).`
          : `${hint}\n\n${formatTableDiff(diff)}`,
    };
  },
  toHaveColumns(received: unknown, columns: readonly string[], options?: ColumnsOptions) {
    const table = requireTable("toHaveColumns", received);
    const check = checkColumns(table, columns, options);
    const hint = this.utils.matcherHint(`${this.isNot ? ".not" : ""}.toHaveColumns`, "table", "columns");
    return {
      pass: check.pass,
      message: () =>
        check.pass
          ? `${hint}\n\nExpected the columns not to match, but they do.\n${check.message}`
          : `${hint}\n\n${check.message}`,
    };
  },
});
