import { type ExprNode, schemaFromRowSchema } from "@tablepipe/core";
import { attachSchema } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import { createColumnBuilder } from "../columns/column-builders";
import { BatchConsumerError } from "./read-context";
import { readReport, readSources } from "./read-table";
import { type ConditionTally, keepRowsWhere } from "./row-conditions";
import type { RowSchema } from "./schema-columns";
import type { ReadReport, ReadTableOptions } from "./types";

/**
 * Read CSV, Parquet or Arrow files batch by batch: `onBatch` gets each batch as a table (a CSV chunk of
 * `chunkSize` bytes, a Parquet row group, an Arrow file), in file order, typed exactly as
 * {@link readTable} types the whole table (each batch declares the schema's column types: `schemaOf`), and the
 * reader keeps none of it. Concatenating the batches gives
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
export function readTableInBatches<S extends RowSchema>(
  source: string | readonly string[],
  schema: S,
  options: ReadTableOptions<S>,
  onBatch: (batch: ColumnTable) => void,
): Promise<ReadReport> {
  const declared = schemaFromRowSchema(schema);
  return readBatchesWhere(source, schema, options, [], (batch) => onBatch(attachSchema(batch, declared)));
}

/**
 * {@link readTableInBatches} with row conditions (`pipeFrom`'s leading filters as expressions): each batch
 * comes with only the rows on which all of `conditions` hold, and `tallies`, each condition's rows in and
 * out; tested in the worker threads that parse a parallel read, else here. A batch on which they cannot be
 * tested (see `keepRowsWhere`) comes whole, without tallies: the caller runs the steps themselves on it.
 */
export async function readBatchesWhere<S extends RowSchema>(
  source: string | readonly string[],
  schema: S,
  options: ReadTableOptions<S>,
  conditions: readonly ExprNode[],
  onBatch: (batch: ColumnTable, tallies: readonly ConditionTally[] | undefined) => void,
): Promise<ReadReport> {
  const started = performance.now();
  const names = (specs: readonly { name: string }[]): string[] => specs.map((spec) => spec.name);
  /** Hand on a batch, testing the conditions here unless the worker that parsed it did. */
  const handOn = (
    columnNames: string[],
    columns: ArrayLike<unknown>[],
    rows: number,
    tallies: readonly ConditionTally[] | undefined,
  ): void => {
    const kept =
      tallies !== undefined || conditions.length === 0
        ? undefined
        : keepRowsWhere(columnNames, columns, rows, conditions);
    const data: Record<string, ArrayLike<unknown>> = {};
    const out = kept?.columns ?? columns;
    columnNames.forEach((name, c) => {
      data[name] = out[c] ?? [];
    });
    onBatch(makeTable(data, columnNames), tallies ?? kept?.tallies);
  };
  const { ctx, files } = await readSources(
    source,
    schema,
    options,
    (read) => {
      const rows = read.rows;
      if (rows === 0) return;
      const columns = read.specs.map((_, c) => read.builders[c]?.finish() ?? []);
      read.drained += rows;
      read.rows = 0;
      read.builders = read.specs.map((spec) => {
        const builder = createColumnBuilder(spec);
        builder.expect(rows + (rows >> 3)); // the next batch is about as long: allocate once
        return builder;
      });
      handOn(names(read.specs), columns, rows, undefined);
    },
    (read, columns, rows, tallies) => {
      try {
        handOn(names(read.specs), columns, rows, tallies);
      } catch (error) {
        throw new BatchConsumerError(error);
      }
    },
    conditions,
  );
  return readReport(ctx, files, performance.now() - started);
}
