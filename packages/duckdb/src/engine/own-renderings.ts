import type { DuckDBConnection, DuckDBTypeId } from "@duckdb/node-api";
import {
  type CompiledPipe,
  checkOwnRenderings,
  type DescribedColumn,
  type EngineTypeKind,
  hasOwnRenderings,
} from "@tablepipe/sql";
import type { DuckDb } from "./duckdb-database";
import { duckdbApi } from "./node-api";
import { INTEGER_TYPE_IDS, TIME_TYPE_IDS } from "./type-id-groups";

const TypeId = duckdbApi.DuckDBTypeId;

const KINDS: ReadonlyMap<DuckDBTypeId, EngineTypeKind> = new Map([
  ...[...INTEGER_TYPE_IDS, TypeId.UHUGEINT, TypeId.FLOAT, TypeId.DOUBLE, TypeId.DECIMAL].map(
    (id) => [id, "number"] as const,
  ),
  [TypeId.VARCHAR, "string"],
  [TypeId.BOOLEAN, "boolean"],
  ...[...TIME_TYPE_IDS].map((id) => [id, "time"] as const),
  [TypeId.SQLNULL, "null"],
]);

/** The output columns of `sql` on DuckDB, from its prepared statement: bound, never run. */
export async function describeOnDuckDb(
  connection: DuckDBConnection,
  sql: string,
): Promise<DescribedColumn[]> {
  const prepared = await connection.prepare(sql);
  try {
    return Array.from({ length: prepared.columnCount }, (_, i) => ({
      name: prepared.columnName(i),
      type: prepared.columnType(i).toString(),
      kind: KINDS.get(prepared.columnTypeId(i)) ?? "other",
    }));
  } finally {
    prepared.destroySync();
  }
}

/**
 * Check the steps a user's own `sql` renders against their contracts before the query runs (`checkOwnRenderings`:
 * one prepared statement per such step); a pipe without one costs nothing. The source's relation must exist: a
 * files source read with the query's first steps is checked once its view points at the first file
 * (`runFilteredRead`), so the check reads no file of its own.
 */
export async function checkOwnRenderingsOnDuckDb(db: DuckDb, compiled: CompiledPipe): Promise<void> {
  if (!hasOwnRenderings(compiled)) return;
  await checkOwnRenderings(compiled, "duckdb", (sql) => describeOnDuckDb(db.connection, sql));
}
