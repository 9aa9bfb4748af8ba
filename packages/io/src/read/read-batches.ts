import { type ColumnTable, table as makeTable } from "arquero";
import { createColumnBuilder } from "../columns/column-builders";
import { BatchConsumerError } from "./read-context";
import { readReport, readSources, tableFromBuilders } from "./read-table";
import type { RowSchema } from "./schema-columns";
import type { ReadReport, ReadTableOptions } from "./types";

/**
 * Read CSV, Parquet or Arrow files batch by batch: `onBatch` gets each batch as a table (a CSV chunk of
 * `chunkSize` bytes, a Parquet row group, an Arrow file), in file order, typed exactly as
 * {@link readTable} types the whole table, and the reader keeps none of it. Concatenating the batches gives
 * the table `readTable` returns. Invalid values are handled as there (`onInvalid`), progress is reported
 * over all files.
 *
 * This is the streaming read under `pipeFrom`, which runs a pipe's leading row-local steps on each batch.
 * @example
 *   let evening = 0;
 *   const report = await readTableInBatches("trips.csv", TripRow, {}, (batch) => {
 *     evening += keepEveningRides(batch).numRows();
 *   });
 */
export async function readTableInBatches<S extends RowSchema>(
  source: string | readonly string[],
  schema: S,
  options: ReadTableOptions<S>,
  onBatch: (batch: ColumnTable) => void,
): Promise<ReadReport> {
  const started = performance.now();
  const names = (specs: readonly { name: string }[]): string[] => specs.map((spec) => spec.name);
  const { ctx, files } = await readSources(
    source,
    schema,
    options,
    (read) => {
      const rows = read.rows;
      if (rows === 0) return;
      const batch = tableFromBuilders(read);
      read.drained += rows;
      read.rows = 0;
      read.builders = read.specs.map((spec) => {
        const builder = createColumnBuilder(spec);
        builder.expect(rows + (rows >> 3)); // the next batch is about as long: allocate once
        return builder;
      });
      onBatch(batch);
    },
    (read, columns) => {
      const data: Record<string, ArrayLike<unknown>> = {};
      read.specs.forEach((spec, c) => {
        data[spec.name] = columns[c] ?? [];
      });
      try {
        onBatch(makeTable(data, names(read.specs)));
      } catch (error) {
        throw new BatchConsumerError(error);
      }
    },
  );
  return readReport(ctx, files, performance.now() - started);
}
