import { SQL_DIALECTS } from "@tablepipe/core";
import type { TextCellDialect } from "@tablepipe/io";
import { oneOfSql, sqlString } from "./sql-text";

/** The month `month` clamped to 1-12: `make_date` fails on another, and a CASE's branches may all be evaluated. */
const clampedMonth = (month: string): string => `least(greatest(${month}, 1), 12)`;

/** readTable's rules for a text cell (`textCellParts` of `@tablepipe/io`) in DuckDB's SQL. */
export const DUCKDB_CELL_DIALECT: TextCellDialect = {
  types: SQL_DIALECTS.duckdb.types,
  string: sqlString,
  oneOf: oneOfSql,
  fullMatch: (text, pattern) => SQL_DIALECTS.duckdb.fullMatch(text, sqlString(pattern)),
  trimSpaceTab: (text) => `trim(${text}, ' \t')`,
  isFinite: (double) => `isfinite(${double})`,
  struct: (fields) => `struct_pack(${fields.map(([name, value]) => `${name} := ${value}`).join(", ")})`,
  // one call names every group: the names in the groups' order
  groups: (text, pattern, fields) => {
    const names = [...fields].sort((a, b) => a[1] - b[1]).map(([name]) => sqlString(name));
    return `regexp_extract(${text}, ${sqlString(pattern)}, [${names.join(", ")}])`;
  },
  lastDay: (year, month) => `day(last_day(make_date(${year}, ${clampedMonth(month)}, 1)))`,
  timestamp: ({ year, month, day, hour, minute, second, millisecond }) =>
    `CAST(make_date(${year}, ${clampedMonth(month)}, 1) AS TIMESTAMP) + to_days(${day} - 1) + to_milliseconds(${hour} * 3600000 + ${minute} * 60000 + ${second} * 1000 + ${millisecond})`,
};
