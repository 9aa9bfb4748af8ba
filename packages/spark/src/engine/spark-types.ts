import type { ColumnType } from "./column-types";

/** Spark's type of each logical column type (time stamps zone-less, so wall clocks never shift). */
export const SPARK_TYPES: Readonly<Record<ColumnType, string>> = {
  int: "BIGINT",
  float: "DOUBLE",
  string: "STRING",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMP_NTZ",
};
