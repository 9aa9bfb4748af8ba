import { mkdir, rename } from "node:fs/promises";
import { dirname } from "node:path";
import type { ColumnTable } from "arquero";
import { writeCsvFile } from "./csv-writer";
import { TableWriteError } from "./errors";
import { writeParquetFile } from "./parquet-writer";
import { columnKinds, type RowSchema } from "./schema-columns";
import { formatFromExtension } from "./sources";
import { removeQuietly, temporarySibling } from "./temporary-paths";

/** Options of {@link writeTable}. */
export interface WriteTableOptions {
  /** `"csv"` or `"parquet"`; by default chosen by the extension. */
  format?: "csv" | "parquet";
  /** The row schema, to write `int` columns as Parquet integers (otherwise numbers are DOUBLE). */
  schema?: RowSchema;
}

/**
 * Write a table as CSV or Parquet. The file is written under a temporary name in the same folder and
 * renamed into place when complete, so `path` never holds a half-written file. The folder is created if needed.
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
      "writeTable writes .csv and .parquet files; pass options.format for another extension",
    );
  }
  const dir = dirname(path);
  const temporary = temporarySibling(path, "tmp");
  try {
    await mkdir(dir, { recursive: true });
    if (format === "csv") await writeCsvFile(table, temporary);
    else
      writeParquetFile(
        table,
        temporary,
        options.schema === undefined ? undefined : columnKinds(options.schema),
      );
    await rename(temporary, path);
  } catch (error) {
    await removeQuietly(temporary);
    throw new TableWriteError(path, (error as Error).message, { cause: error });
  }
}
