import { parquetNanosecondColumns, resolveSources, TableReadError } from "@tablepipe/io";
import { SparkQueryError } from "../client/errors";
import type { Relation } from "../generated/spark/connect/relations_pb";

/** What to do about nanosecond time stamps, which Spark cannot read (no read option changes it). */
const WHAT_TO_DO =
  'Spark cannot read Parquet TIMESTAMP(NANOS), pandas\' and pyarrow\'s default unit: write the time stamps in microseconds or milliseconds (pandas: to_parquet(..., coerce_timestamps="us"); pyarrow: write_table(..., coerce_timestamps="us")), or read the files with readTable or duckdbParquetFiles, which floor them to the millisecond';

/** The Parquet files a relation reads (`sparkFiles("parquet", ...)`), or none. */
function parquetPaths(relation: Relation): readonly string[] {
  if (relation.relType.case !== "read") return [];
  const read = relation.relType.value.readType;
  return read.case === "dataSource" && read.value.format === "parquet" ? read.value.paths : [];
}

/**
 * Spark's refusal of a Parquet TIMESTAMP(NANOS) column (`PARQUET_TYPE_ILLEGAL`, which names neither the file nor the
 * column) as a TableReadError naming the first such file and column (found in the footers of the files this
 * machine can open) and saying what to do; any other error as it is.
 * @example throw await explainNanosecondStamps(error, source.relation, source.label)
 */
export async function explainNanosecondStamps(
  error: unknown,
  relation: Relation,
  label: string,
): Promise<unknown> {
  const nanos = error instanceof SparkQueryError && error.errorClass === "PARQUET_TYPE_ILLEGAL";
  if (!nanos || !error.detail.includes("NANOS")) return error;
  const files = await resolveSources(parquetPaths(relation)).catch(() => [] as string[]);
  for (const file of files) {
    const columns = await parquetNanosecondColumns(file).catch(() => [] as string[]);
    const column = columns[0];
    if (column === undefined) continue;
    const reason = `the file's column "${column}" holds Parquet TIMESTAMP(NANOS) time stamps: ${WHAT_TO_DO}`;
    return new TableReadError({ file, column, reason }, { cause: error });
  }
  return new TableReadError(
    {
      file: label,
      reason: `a column holds Parquet TIMESTAMP(NANOS) time stamps (${error.detail}): ${WHAT_TO_DO}`,
    },
    { cause: error },
  );
}
