import { asyncBufferFromFile, parquetMetadataAsync, parquetSchema } from "hyparquet";

/**
 * The top-level columns of a Parquet file that hold time stamps in nanoseconds (a TIMESTAMP(NANOS) logical type:
 * pandas' and pyarrow's default unit), which some readers (Spark) cannot read; readTable floors them to the millisecond.
 * @example await parquetNanosecondColumns("readings.parquet") // ["taken"]
 */
export async function parquetNanosecondColumns(path: string): Promise<string[]> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
  return parquetSchema(metadata)
    .children.map((child) => child.element)
    .filter((element) => element.logical_type?.type === "TIMESTAMP" && element.logical_type.unit === "NANOS")
    .map((element) => element.name);
}
