import { schemaFromRowSchema } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { writeCsvFile } from "../csv/csv-writer";
import { TableWriteError } from "../errors";
import type { RowSchema } from "../read/schema-columns";
import { UNKNOWN_WRITE_FORMAT, writeFormat } from "./table-format";
import { writeAtomically } from "./write-atomically";

/** Every option of {@link WriteTableOptions}: any other key is a misspelling. */
const WRITE_OPTION_KEYS: readonly string[] = ["format", "schema", "rowGroupRows"];

/** Options of {@link writeTable}. */
export interface WriteTableOptions {
  /** `"csv"`, `"parquet"` or `"arrow"` (Arrow IPC file); by default chosen by the extension. */
  format?: "csv" | "parquet" | "arrow";
  /**
   * A row schema that types the columns (its `z.date()` columns, which hold epoch milliseconds, are time
   * stamps; its `int` columns integers); each of its columns must be one of the table's. Not needed for a table
   * that remembers or declares its types (`readTable`, the row factories, `typedTable`, a step's output); needed
   * for a plain arquero table, whose time-stamp columns would otherwise be written as the numbers they hold.
   */
  schema?: RowSchema;
  /**
   * Parquet: rows per row group (default: 1,000 then 100,000 each, hyparquet-writer's). Smaller groups of
   * rows sorted by a column let a read with `rowGroupBounds` on that column skip more; larger ones compress
   * better. A positive integer.
   */
  rowGroupRows?: number;
}

/**
 * Write a table as CSV, Parquet or Arrow IPC, each type as itself, so that the file reads back unchanged — with
 * the same schema, or (Parquet, Arrow) with none. The file is written under a temporary name in the same
 * folder and renamed into place when complete, so `path` never holds a half-written file (the temporary file is
 * removed on SIGINT/SIGTERM). To write outputs that must never replace a user's file, use `openOutputFolder`.
 * The folder is created if needed.
 *
 * A column's type comes from `schema`, else from the types the table declares (`schemaOf`: a table from
 * `readTable`, a row factory, `typedTable` or a step; a `z.date().meta({ logicalType: "date" })` field is a
 * date), else from its values (Dates are time stamps; a number column is written as numbers). On disk:
 * - Parquet: INT32/INT64, DOUBLE, STRING, BOOLEAN, TIMESTAMP(MILLIS, isAdjustedToUTC=false), DATE;
 * - Arrow IPC (`.arrow`, `.feather`, `.ipc`): int32/int64, float64, utf8, bool, timestamp[ms] without a zone, date32;
 * - CSV: time stamps `2018-02-04 18:00:00` (`.sss` only when the milliseconds are not zero), dates `2018-02-04`.
 * @example await writeTable(await readTable("trips.csv", TripRow), "out/trips.parquet")
 * @example await writeTable(features, "out/features.arrow", { schema: FeatureRow })
 */
export async function writeTable(
  table: ColumnTable,
  path: string,
  options: WriteTableOptions = {},
): Promise<void> {
  const format = writeFormat(path, options.format);
  const groupRows = options.rowGroupRows;
  if (groupRows !== undefined && !(Number.isInteger(groupRows) && groupRows > 0)) {
    throw new TableWriteError(
      path,
      `writeTable option rowGroupRows must be a positive integer, got ${groupRows}`,
    );
  }
  if (format === undefined) throw new TableWriteError(path, UNKNOWN_WRITE_FORMAT);
  const unknown = Object.keys(options).filter((key) => !WRITE_OPTION_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new TableWriteError(
      path,
      `writeTable: unknown option ${unknown.map((k) => `"${k}"`).join(", ")}; the options are ${WRITE_OPTION_KEYS.join(", ")}`,
    );
  }
  const schema = options.schema === undefined ? undefined : schemaFromRowSchema(options.schema);
  const names = table.columnNames();
  const absent =
    schema === undefined ? undefined : Object.keys(schema).filter((name) => !names.includes(name));
  if (absent !== undefined && absent.length > 0) {
    throw new TableWriteError(
      path,
      `writeTable: the schema names ${absent.map((c) => `"${c}"`).join(", ")}, which the table does not have (its columns: ${names.join(", ")})`,
    );
  }
  try {
    await writeAtomically(path, async (temporary) => {
      if (format === "csv") await writeCsvFile(table, temporary, schema);
      // hyparquet-writer and flechette are loaded by the first file of their format
      else if (format === "parquet")
        (await import("../parquet/parquet-writer")).writeParquetFile(table, temporary, schema, groupRows);
      else await (await import("../arrow/arrow-writer")).writeArrowFile(table, temporary, schema);
    });
  } catch (error) {
    throw new TableWriteError(path, (error as Error).message, { cause: error });
  }
}
