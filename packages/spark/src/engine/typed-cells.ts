import { type ColumnSpec, isDateColumn, midnightSql, mustNotBeEmpty } from "@tablepipe/io";
import { flooredMillis } from "./floored-stamps";
import { SPARK_CELL_DIALECT } from "./spark-cell-dialect";
import { INTEGER_TYPES, NUMBER_TYPES, TEXT_TYPES, TIME_TYPES } from "./spark-type-groups";
import { type CellSql, emptyValueSql, textCellSql } from "./text-cells";

/** The largest integer readTable reads exactly. */
const MAX_INT = Number.MAX_SAFE_INTEGER;

/**
 * The value and invalid flag of schema column `spec` (the `i`-th) from a typed file column `c` (Parquet, JSON) of Spark type
 * `type`, as readTable reads a decoded value: numbers from any number type (a float finite; an integer whole
 * and within 2^53), time stamps from time stamps and dates (a date column's at midnight only), booleans from
 * booleans, text from text, integers and booleans, as their text; text in any other column parsed by readTable's text rules. A null is the default or null, invalid where the column
 * may not be empty. Undefined for any other pairing (the file holds another kind of value).
 */
export function typedCellSql(spec: ColumnSpec, c: string, type: string, i: number): CellSql | undefined {
  if (TEXT_TYPES.has(type)) return textCellSql(spec, c, i);
  // an integer or a boolean read as text is its text, as readTable has it (an INT64's exact digits: the way to
  // keep ids past 2^53 whole); a float's or a decimal's text is Java's on Spark, not readTable's: refused
  const text = spec.kind === "string" || spec.kind === "enum";
  if (text && (INTEGER_TYPES.has(type) || type === "long" || type === "boolean"))
    return textCellSql(spec, `CAST(${c} AS STRING)`, i);
  const cell = (value: string, invalid: string): CellSql => ({
    layers: [],
    value: `CASE WHEN ${c} IS NULL THEN ${emptyValueSql(spec)} ELSE ${value} END`,
    bad: `CASE WHEN ${c} IS NULL THEN ${mustNotBeEmpty(spec) ? "TRUE" : "FALSE"} ELSE ${invalid} END`,
  });
  const d = `CAST(${c} AS DOUBLE)`;
  switch (spec.kind) {
    case "float":
      if (!NUMBER_TYPES.has(type)) return undefined;
      return cell(d, `(isnan(${d}) OR abs(${d}) = double('Infinity'))`);
    case "int":
      if (INTEGER_TYPES.has(type)) return cell(`CAST(${c} AS BIGINT)`, "FALSE");
      if (type === "long") return cell(c, `abs(${c}) > ${MAX_INT}`);
      if (!NUMBER_TYPES.has(type)) return undefined;
      // NaN is above every number in Spark: refused by the range
      return cell(`try_cast(${d} AS BIGINT)`, `NOT (${d} = floor(${d}) AND abs(${d}) <= ${MAX_INT})`);
    case "timestamp": {
      if (!TIME_TYPES.has(type)) return undefined;
      const stamp = flooredMillis(c);
      // a date column's value must be a midnight: another time of day is invalid
      return cell(stamp, isDateColumn(spec) ? `NOT ${midnightSql(SPARK_CELL_DIALECT, stamp)}` : "FALSE");
    }
    case "boolean":
      return type === "boolean" ? cell(c, "FALSE") : undefined;
    case "string":
    case "enum":
      return undefined;
  }
}
