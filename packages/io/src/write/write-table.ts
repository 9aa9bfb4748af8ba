import { mkdir, rename } from "node:fs/promises";
import { dirname } from "node:path";
import type { ColumnTable } from "arquero";
import { writeCsvFile } from "../csv/csv-writer";
import { TableWriteError } from "../errors";
import { writeParquetFile } from "../parquet/parquet-writer";
import { columnKinds, type RowSchema } from "../read/schema-columns";
import { formatFromExtension } from "../read/sources";
import { forgetOnInterrupt, removeOnInterrupt } from "./interrupt-cleanup";
import { removeQuietly, temporarySibling } from "./temporary-paths";

/** Options of {@link writeTable}. */
export interface WriteTableOptions {
  /** `"csv"` or `"parquet"`; by default chosen by the extension. */
  format?: "csv" | "parquet";
  /**
   * The row schema (the one the table was read with). Its `z.date()` columns, which hold epoch milliseconds,
   * are written as time stamps (CSV `2018-02-04T18:00:00`, Parquet TIMESTAMP); its `int` columns as Parquet
   * integers. Without it a number column is written as a number (Parquet DOUBLE).
   */
  schema?: RowSchema;
}

/**
 * Write a table as CSV or Parquet. The file is written under a temporary name in the same folder and
 * renamed into place when complete, so `path` never holds a half-written file (the temporary file is removed on
 * SIGINT/SIGTERM). To write outputs that must never replace a user's file, use `openOutputFolder`. The folder is created if needed.
 *
 * Time stamps: tables hold them as epoch milliseconds of the UTC wall-clock time (see `readTable`), so
 * pass the `schema` to write them as time stamps — CSV `2018-02-04T18:00:00` (`.sss` only when the
 * milliseconds are not zero), Parquet TIMESTAMP(MILLIS) without a zone; reading the file back with the same
 * schema gives an equal table. A `Date` value is written as a time stamp in any column, schema or not.
 * @example await writeTable(trips, "out/trips.csv", { schema: TripRow })
 * @example await writeTable(predictions, "out/predictions.parquet")
 */
export async function writeTable(
  table: ColumnTable,
  path: string,
  options: WriteTableOptions = {},
): Promise<void> {
  const format = options.format ?? formatFromExtension(path);
  if (format !== "csv" && format !== "parquet") {
    throw new TableWriteError(
      path,
      'writeTable writes .csv and .parquet files: name the file .csv or .parquet, or pass the option format: "csv" | "parquet"',
    );
  }
  const dir = dirname(path);
  const temporary = temporarySibling(path, "tmp");
  removeOnInterrupt(temporary);
  try {
    await mkdir(dir, { recursive: true });
    const specs = options.schema === undefined ? undefined : columnKinds(options.schema);
    if (format === "csv") await writeCsvFile(table, temporary, specs);
    else writeParquetFile(table, temporary, specs);
    await rename(temporary, path);
  } catch (error) {
    await removeQuietly(temporary);
    throw new TableWriteError(path, (error as Error).message, { cause: error });
  } finally {
    forgetOnInterrupt(temporary);
  }
}
