import type { DuckDBConnection } from "@duckdb/node-api";
import { toQueryError } from "../errors";

/**
 * Run a statement that returns no rows; a failure is a `DuckDbQueryError` naming `where` (what was being done).
 * @example await runSql(connection, `DROP TABLE "t"`, "reading trips.csv")
 */
export async function runSql(connection: DuckDBConnection, sql: string, where: string): Promise<void> {
  try {
    await connection.run(sql);
  } catch (error) {
    throw toQueryError(where, error);
  }
}
