import { SQL_DIALECTS } from "@tablepipe/core";
import type { TextCellDialect } from "@tablepipe/io";
import { oneOfSql, sparkRegex, sparkString } from "./spark-sql-text";

/** A pattern matching a whole text in Java's regular expressions (`\z`: `$` also matches before a final line end). */
const whole = (pattern: string): string => sparkRegex(`^(?:${pattern})\\z`);

/** readTable's rules for a text cell (`textCellParts` of `@tablepipe/io`) in Spark SQL. */
export const SPARK_CELL_DIALECT: TextCellDialect = {
  types: SQL_DIALECTS.spark.types,
  string: sparkString,
  oneOf: oneOfSql,
  fullMatch: (text, pattern) => `(${text} RLIKE ${whole(pattern)})`,
  trimSpaceTab: (text) => `trim(BOTH ${sparkString(" \t")} FROM ${text})`,
  isFinite: (double) => `(NOT isnan(${double}) AND abs(${double}) < double('Infinity'))`,
  struct: (fields) => `named_struct(${fields.map(([name, value]) => `'${name}', ${value}`).join(", ")})`,
  groups: (text, pattern, fields) =>
    `named_struct(${fields.map(([name, group]) => `'${name}', regexp_extract(${text}, ${whole(pattern)}, ${group})`).join(", ")})`,
  // try_make_timestamp_ntz is NULL for a day past its month's end (Feb 30), as readTable refuses it
  lastDay: () => "31",
  // whole milliseconds, exact in decimals: seconds and a fraction of three digits
  timestamp: ({ year, month, day, hour, minute, second, millisecond }) =>
    `try_make_timestamp_ntz(${year}, ${month}, ${day}, ${hour}, ${minute}, CAST(CAST(${second} * 1000 + ${millisecond} AS DECIMAL(8, 3)) / 1000 AS DECIMAL(8, 6)))`,
};
