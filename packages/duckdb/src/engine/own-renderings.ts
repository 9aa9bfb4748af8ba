import type { DuckDBConnection, DuckDBTypeId } from "@duckdb/node-api";
import {
  type CompiledPipe,
  checkOwnRenderings,
  type DescribedColumn,
  type EngineTypeKind,
  hasOwnRenderings,
} from "@tablepipe/sql";
import type { DuckDb } from "./duckdb-database";
import type { FilesRelation } from "./files-relation";
import { duckdbApi } from "./node-api";

const TypeId = duckdbApi.DuckDBTypeId;

const KINDS: ReadonlyMap<DuckDBTypeId, EngineTypeKind> = new Map([
  ...[
    TypeId.TINYINT,
    TypeId.SMALLINT,
    TypeId.INTEGER,
    TypeId.BIGINT,
    TypeId.HUGEINT,
    TypeId.UTINYINT,
    TypeId.USMALLINT,
    TypeId.UINTEGER,
    TypeId.UBIGINT,
    TypeId.UHUGEINT,
    TypeId.FLOAT,
    TypeId.DOUBLE,
    TypeId.DECIMAL,
  ].map((id) => [id, "number"] as const),
  [TypeId.VARCHAR, "string"],
  [TypeId.BOOLEAN, "boolean"],
  ...[TypeId.TIMESTAMP, TypeId.TIMESTAMP_MS, TypeId.TIMESTAMP_S, TypeId.TIMESTAMP_NS, TypeId.DATE].map(
    (id) => [id, "time"] as const,
  ),
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
 * one prepared statement per such step); a pipe without one costs nothing. A files source read with the query's
 * first steps has no view yet: it is pointed at the first file.
 */
export async function checkOwnRenderingsOnDuckDb(
  db: DuckDb,
  compiled: CompiledPipe,
  files: FilesRelation | undefined,
): Promise<void> {
  if (!hasOwnRenderings(compiled)) return;
  const first = files?.deferred?.[0];
  if (files !== undefined && first !== undefined) await files.viewOfFile(first);
  await checkOwnRenderings(compiled, "duckdb", (sql) => describeOnDuckDb(db.connection, sql));
}
