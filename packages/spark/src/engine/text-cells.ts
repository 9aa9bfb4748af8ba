import { type ColumnSpec, emptyCellSql, textCellParts } from "@tablepipe/io";
import { SPARK_CELL_DIALECT } from "./spark-cell-dialect";
import { quote, sparkString } from "./spark-sql-text";

/**
 * readTable's rules for a cell of text in Spark SQL: `textCellParts` of `@tablepipe/io` (DuckDB's file sources
 * read by the same) over Spark's dialect (`spark-cell-dialect.ts`), after a quoted empty cell is told apart.
 */

/**
 * What Spark's CSV read gives a quoted empty cell (`""`, its `emptyValue`), told apart from an unquoted empty
 * one (null): readTable reads `""` as the empty string in a text column, and an empty cell as null.
 */
export const QUOTED_EMPTY = "\u0000tablepipe:quoted-empty\u0000";

/**
 * A column's value and whether its cell is invalid, as Spark SQL expressions over named parts computed first, a
 * layer of projections each (`x AS name`, each layer over the names of the ones before): so that Spark computes
 * each costly part (a trim, a regular expression) once per cell, and the plan stays small.
 */
export interface CellSql {
  readonly layers: readonly (readonly string[])[];
  readonly value: string;
  readonly bad: string;
}

/**
 * The name of the part `part` of schema column `i`'s cell (`r`: its text, `t`: trimmed, `p`: fields, `e`: empty,
 * `x`: parsed).
 */
export function partName(part: "r" | "t" | "p" | "e" | "x", i: number): string {
  return quote(`__tablepipe_${part}${i}`);
}

/** What an empty cell (or an absent optional column) becomes: the default, else null, as Spark SQL. */
export function emptyValueSql(spec: ColumnSpec): string {
  return emptyCellSql(SPARK_CELL_DIALECT, spec);
}

/**
 * The value and invalid flag of schema column `spec` (the `i`-th) from the text cell `raw` (NULL for an empty
 * cell, {@link QUOTED_EMPTY} for `""`), by readTable's rules for text.
 */
export function textCellSql(spec: ColumnSpec, raw: string, i: number): CellSql {
  const [r, t, p, e, x] = (["r", "t", "p", "e", "x"] as const).map((part) => partName(part, i)) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const cell = `CASE WHEN ${raw} = ${sparkString(QUOTED_EMPTY)} THEN '' ELSE ${raw} END AS ${r}`;
  const parts = textCellParts(SPARK_CELL_DIALECT, spec, r, { t, p, e, x });
  return {
    layers: [[cell], [parts.trimmed], parts.fields, parts.parsed],
    value: parts.value,
    bad: parts.bad,
  };
}
