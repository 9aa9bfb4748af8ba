import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { toQueryError } from "../errors";

/**
 * A DuckDB database for running pipes: in memory by default, its session time zone pinned to UTC so that
 * no result depends on the machine's zone. Close it when done.
 */
export class DuckDb {
  #closed = false;
  private constructor(
    readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  /** Open a database (`:memory:` by default, or a file, which lets DuckDB spill larger-than-memory work). */
  static async open(path = ":memory:"): Promise<DuckDb> {
    let connection: DuckDBConnection;
    try {
      const instance = await DuckDBInstance.create(path);
      connection = await instance.connect();
      await connection.run("SET TimeZone = 'UTC'");
    } catch (error) {
      throw toQueryError(`opening DuckDB at ${path}`, error);
    }
    return new DuckDb(connection, path);
  }

  /** Close the connection (idempotent). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.connection.closeSync();
  }
}
