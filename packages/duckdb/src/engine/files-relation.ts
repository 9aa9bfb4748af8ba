import { stat } from "node:fs/promises";
import type { ReadReport } from "@tablepipe/io";
import { ROW_ORDER_COLUMN } from "@tablepipe/sql";
import { readTableDecides, toQueryError } from "../errors";
import { mergeAbsentColumns } from "./absent-columns";
import type { DuckDb } from "./duckdb-database";
import { NEEDS_EXACT_READ } from "./fast-csv-read";
import type { DuckDbFilesSource, StreamedView } from "./files-source";
import { numberRowsByRowid } from "./numbered-relation";
import { KEEP_JOIN_SIDES } from "./optimizers";
import { quote } from "./sql-text";

/**
 * How a files source (`duckdbCsvFiles`, `duckdbParquetFiles`) is read: `"table"`, into a table first (DuckDB
 * reads and casts on every core); `"streamed"`, as the pipe's query runs (nothing held, so files larger than
 * memory pass through; DuckDB numbers a CSV's rows on one core, unless the query's result does not depend on
 * their order); `"auto"`, streamed when the query's result does not depend on the rows' order (then on every
 * core, nothing numbered), the files are Parquet (numbered on every core) or larger than a quarter of DuckDB's
 * memory limit, else into a table.
 */
export type FilesReadMode = "auto" | "table" | "streamed";

/** The bytes of a size as DuckDB prints its settings (`3.7 GiB`, `4.0 GB`, `512 bytes`); NaN when not one. */
export function sizeInBytes(text: string): number {
  const match = /^([\d.]+)\s*(bytes|[KMGT]i?B)$/i.exec(text.trim());
  if (match === null) return Number.NaN;
  const unit = (match[2] as string).toUpperCase();
  const powers = { BYTES: 0, K: 1, M: 2, G: 3, T: 4 } as const;
  const power = powers[(unit === "BYTES" ? "BYTES" : unit[0]) as keyof typeof powers];
  return Number(match[1]) * (unit.includes("I") ? 1024 : 1000) ** power;
}

async function streamsBySize(db: DuckDb, files: readonly string[]): Promise<boolean> {
  const setting = await db.connection.runAndReadAll("SELECT current_setting('memory_limit') AS m");
  const limit = sizeInBytes(String(setting.getRowObjects()[0]?.m ?? ""));
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;
  return Number.isFinite(limit) && bytes > limit / 4;
}

/** The table a files source's files are read into. */
function tableOf(relation: string): string {
  return `${relation}_table`;
}

/**
 * A files source (`duckdbCsvFiles`, `duckdbParquetFiles`) as the view `relation`, with the row-order column:
 * read into a table first, or streamed (see {@link FilesReadMode}). When a streamed query stops on a cell only
 * the exact read can judge, or on a file DuckDB's fast read cannot parse, the files are read into a table
 * (readTable's named errors, dropped rows) and the view reads that.
 */
export class FilesRelation {
  #streamed: readonly string[] | undefined;
  #numbered = true;
  /** Whether the streamed view reads the files soundly, while its checks run on beside the query. */
  #sound: Promise<boolean> | undefined;
  /** False once `#sound` resolved false. */
  #known: boolean | undefined;
  /** True while a query over the streamed view runs (`interruptible`): an unsound view interrupts it. */
  #running = false;
  #deferred: readonly string[] | undefined;
  #report: ReadReport | undefined;
  /** The optional columns the streamed files lack (`absentColumns` of the report), gathered as views are made. */
  #absent: Pick<ReadReport, "absentColumns"> = {};

  private constructor(
    private readonly db: DuckDb,
    private readonly source: DuckDbFilesSource,
    readonly relation: string,
  ) {}

  /**
   * Define the view over the files: streamed, or read into a table at once (also when there are none).
   * `filtered`: a read into a table waits (see `deferred`): the query's first steps will run with it.
   * `orderFree`: the query's result does not depend on the rows' order (`CompiledPipe.ignoresRowOrder`), so a
   * streamed read leaves them unnumbered, and `"auto"` streams.
   */
  static async open(
    db: DuckDb,
    source: DuckDbFilesSource,
    relation: string,
    mode: FilesReadMode,
    options: { readonly filtered?: boolean; readonly orderFree?: boolean } = {},
  ): Promise<FilesRelation> {
    const opened = new FilesRelation(db, source, relation);
    const files = await source.files();
    const orderFree = options.orderFree === true;
    const streams =
      files.length > 0 &&
      (mode === "streamed" ||
        (mode === "auto" &&
          (orderFree || source.numbersInParallel === true || (await streamsBySize(db, files)))));
    if (streams) {
      try {
        opened.#numbered = !orderFree;
        opened.#watch(
          await source.stream(db.connection, relation, ROW_ORDER_COLUMN, files, !orderFree, true),
        );
        opened.#streamed = files;
      } catch (error) {
        // DuckDB cannot read a file as CSV: the read into a table reads the files with readTable
        if (!readTableDecides(error)) throw error;
        await opened.readIntoTable();
      }
    } else if (options.filtered === true && files.length > 0) opened.#deferred = files;
    else await opened.readIntoTable();
    return opened;
  }

  /** Keep a streamed view's check: when it fails, a query running over the view is interrupted. */
  #watch(view: StreamedView): void {
    this.#absent = view.absentColumns === undefined ? {} : { absentColumns: view.absentColumns };
    this.#sound = view.sound;
    this.#known = undefined;
    void view.sound?.then((sound) => {
      this.#known = sound;
      if (!sound && this.#running) this.db.interrupt();
    });
  }

  /**
   * Run `query` (one statement over the streamed view) so that the view's check, failing while it runs,
   * interrupts it; refused at once when the check has already failed. Its result counts only once
   * `restreamIfUnsound` says the view was sound.
   */
  async interruptible<T>(query: () => Promise<T>): Promise<T> {
    if (this.#known === false) throw new Error("tablepipe: the streamed view is being read again");
    this.#running = true;
    try {
      return await query();
    } finally {
      this.#running = false;
    }
  }

  /**
   * Wait for the streamed view's check; when it failed, define the view again with the files' checks done
   * first (a CSV file read as text when its scan found a risky byte) and return true: the query must run
   * again. False when the view was sound (or had nothing to check).
   */
  async restreamIfUnsound(): Promise<boolean> {
    const sound = this.#sound;
    if (sound === undefined || (await sound) || this.#streamed === undefined) return false;
    await this.db.connection.run(`DROP VIEW IF EXISTS ${quote(this.relation)}`);
    this.#watch(
      await this.source.stream(
        this.db.connection,
        this.relation,
        ROW_ORDER_COLUMN,
        this.#streamed,
        this.#numbered,
      ),
    );
    return true;
  }

  /**
   * DuckDB's optimizers a query over the view runs without: its choice of a join's build side while the view
   * streams files it has no row estimate for (`DuckDbFilesSource.keepJoinSides`), else none.
   */
  get optimizersOff(): readonly string[] {
    return this.#streamed !== undefined && this.source.keepJoinSides === true ? KEEP_JOIN_SIDES : [];
  }

  /** The files read as the query runs, or undefined when they were read into a table. */
  get streamed(): readonly string[] | undefined {
    return this.#streamed;
  }

  /** The files still to read into a table, with the query's first steps (`viewOfFile`), or by `readIntoTable`. */
  get deferred(): readonly string[] | undefined {
    return this.#deferred;
  }

  /** Point the view at one of the files, read as the query using it runs, its rows not numbered. */
  async viewOfFile(file: string): Promise<void> {
    await this.db.connection.run(`DROP VIEW IF EXISTS ${quote(this.relation)}`);
    const view = await this.source.stream(this.db.connection, this.relation, ROW_ORDER_COLUMN, [file], false);
    this.#absent = mergeAbsentColumns(this.#absent, view);
  }

  /**
   * The optional schema columns the files read as the query runs (streamed, or a file at a time by `viewOfFile`)
   * lack, as the read report's `absentColumns` (`{}`: none).
   */
  get absentColumns(): Pick<ReadReport, "absentColumns"> {
    return this.#absent;
  }

  /** What the read into a table reported, once the files were read into one. */
  get report(): ReadReport | undefined {
    return this.#report;
  }

  /** True when a streamed query's failure calls for reading the files into a table (else it is the query's own). */
  retriesExactly(error: unknown): boolean {
    if (this.#streamed === undefined) return false;
    const message = error instanceof Error ? error.message : String(error);
    return message.includes(NEEDS_EXACT_READ) || /\bCSV\b|Conversion Error|Could not convert/i.test(message);
  }

  /** Read the files into a table (readTable's rules), and point the view at it (rows numbered in file order). */
  async readIntoTable(): Promise<ReadReport> {
    const table = tableOf(this.relation);
    await this.db.connection.run(`DROP VIEW IF EXISTS ${quote(this.relation)}`);
    this.#report = await this.source.load(this.db.connection, table);
    this.#streamed = undefined;
    this.#deferred = undefined;
    this.#sound = undefined;
    const numbered = numberRowsByRowid(
      table,
      this.source.columns.map(([name]) => name),
    );
    try {
      await this.db.connection.run(`CREATE TEMP VIEW ${quote(this.relation)} AS ${numbered}`);
    } catch (error) {
      throw toQueryError(`reading ${this.source.path}`, error);
    }
    return this.#report;
  }

  /** Drop the view `relation` of a files source and the table its files were read into (those that exist). */
  static async drop(db: DuckDb, relation: string): Promise<void> {
    await db.connection.run(
      `DROP VIEW IF EXISTS ${quote(relation)}; DROP TABLE IF EXISTS ${quote(tableOf(relation))}`,
    );
  }
}
