import type { DuckDBConnection } from "@duckdb/node-api";
import { DuckDbLoadError, toQueryError } from "../errors";
import { duckdbApi } from "./node-api";

/** Options of {@link DuckDb.open}. */
export interface DuckDbOpenOptions {
  /** DuckDB's `memory_limit` (`"4GB"`, `"512MB"`); past it DuckDB spills to its temporary folder or fails. */
  readonly memoryLimit?: string;
  /**
   * Stops the database's work when aborted: the running query is interrupted, and every later use of
   * `connection` throws the signal's reason (so no retry runs); `close()` still closes it.
   */
  readonly signal?: AbortSignal;
}

/** A size DuckDB accepts, and nothing that could end the quoted SQL string it goes into. */
const MEMORY_LIMIT = /^\d+(\.\d+)? ?([KMGT]i?)?B$/i;

/**
 * A DuckDB database for running pipes: in memory by default, its session time zone pinned to UTC so that
 * no result depends on the machine's zone. Close it when done.
 */
export class DuckDb {
  #closed = false;
  readonly #connection: DuckDBConnection;
  readonly #signal: AbortSignal | undefined;
  readonly #stop = (): void => this.interrupt();

  private constructor(
    connection: DuckDBConnection,
    readonly path: string,
    signal: AbortSignal | undefined,
  ) {
    this.#connection = connection;
    this.#signal = signal;
    signal?.addEventListener("abort", this.#stop, { once: true });
  }

  /** The `signal` the database was opened with, if any. */
  get signal(): AbortSignal | undefined {
    return this.#signal;
  }

  /** The connection queries run on; throws the reason of the open's `signal` once it is aborted. */
  get connection(): DuckDBConnection {
    this.#signal?.throwIfAborted();
    return this.#connection;
  }

  /**
   * Open a database (`:memory:` by default, or a file, which lets DuckDB spill larger-than-memory work), with a
   * memory limit when given (`"4GB"`: DuckDB's size syntax).
   * @example const db = await DuckDb.open("/tmp/work.duckdb", { memoryLimit: "4GB" })
   */
  static async open(path = ":memory:", options: DuckDbOpenOptions = {}): Promise<DuckDb> {
    options.signal?.throwIfAborted();
    const limit = options.memoryLimit;
    if (limit !== undefined && !MEMORY_LIMIT.test(limit)) {
      throw new DuckDbLoadError(
        `memoryLimit ${JSON.stringify(limit)} is not a size: expected digits and a unit, e.g. "4GB" or "512 MiB"`,
      );
    }
    let connection: DuckDBConnection;
    try {
      const instance = await duckdbApi.DuckDBInstance.create(path);
      connection = await instance.connect();
      // one call (DuckDB runs the statements in turn): a round trip fewer
      await connection.run(
        limit === undefined ? "SET TimeZone = 'UTC'" : `SET TimeZone = 'UTC'; SET memory_limit = '${limit}'`,
      );
    } catch (error) {
      throw toQueryError(`opening DuckDB at ${path}`, error);
    }
    return new DuckDb(connection, path, options.signal);
  }

  /** Interrupt the query running now, if any (it rejects with DuckDB's INTERRUPT error); never throws. */
  interrupt(): void {
    if (!this.#closed) this.#connection.interrupt();
  }

  /** Close the connection (idempotent). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#signal?.removeEventListener("abort", this.#stop);
    this.#connection.closeSync();
  }
}
