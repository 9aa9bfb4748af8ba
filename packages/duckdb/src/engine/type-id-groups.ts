import type { DuckDBTypeId } from "@duckdb/node-api";
import { duckdbApi } from "./node-api";

const TypeId = duckdbApi.DuckDBTypeId;

/** DuckDB's integer type ids up to UBIGINT: the values a JavaScript number holds as an int (within 2^53). */
export const INTEGER_TYPE_IDS: ReadonlySet<DuckDBTypeId> = new Set([
  TypeId.TINYINT,
  TypeId.SMALLINT,
  TypeId.INTEGER,
  TypeId.BIGINT,
  TypeId.HUGEINT,
  TypeId.UTINYINT,
  TypeId.USMALLINT,
  TypeId.UINTEGER,
  TypeId.UBIGINT,
]);

/** DuckDB's type ids of a point in time (a date is its midnight). */
export const TIME_TYPE_IDS: ReadonlySet<DuckDBTypeId> = new Set([
  TypeId.TIMESTAMP,
  TypeId.TIMESTAMP_MS,
  TypeId.TIMESTAMP_S,
  TypeId.TIMESTAMP_NS,
  TypeId.DATE,
]);
