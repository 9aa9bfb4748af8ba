/**
 * The parallel Parquet read (row groups decoded apart, handed on in file order) gives what the sequential
 * read gives: rows, values, invalid-value counts and errors with the file's row numbers. Row groups are
 * decoded here on the calling thread (`callingThreadPool`); the worker threads run the same code.
 */

import { col, type ExprNode, gt, isIn } from "@tablepipe/core";
import { TableAccumulator } from "@tablepipe/core/internal";
import { table as makeTable } from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import type { OnInvalid } from "../columns/invalid-values";
import { TableReadError } from "../errors";
import { readTableWithReport } from "../read/read-table";
import { columnKinds } from "../read/schema-columns";
import { tempFolder } from "../test-support";
import { pieceContext } from "../workers/piece-context";
import { callingThreadPool } from "../workers/worker-pool";
import { writeTable } from "../write/write-table";
import { readParquetInParallel } from "./parallel-parquet";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Written = z.object({
  id: z.int(),
  at: z.date(),
  amount: z.number(),
  count: z.int().nullable(),
  flag: z.string().nullable(),
});
/** Read back with `count` not nullable and `flag` an enum: the nulls and the "?" flags are invalid. */
const Strict = z.object({
  id: z.int(),
  at: z.date(),
  amount: z.number(),
  count: z.int(),
  flag: z.enum(["N", "Y"]).nullable(),
});

async function readParallel(
  path: string,
  schema: z.ZodObject,
  onInvalid: OnInvalid,
  keepWhere: readonly ExprNode[] = [],
) {
  const specs = columnKinds(schema);
  const ctx = { ...pieceContext(path, specs, undefined, onInvalid), keepWhere };
  const acc = new TableAccumulator();
  const tallies: [number, number][] = keepWhere.map(() => [0, 0]);
  ctx.onDecodedBatch = (columns, _rows, counted) => {
    counted?.forEach(({ rowsIn, rowsOut }, i) => {
      const tally = tallies[i] as [number, number];
      tally[0] += rowsIn;
      tally[1] += rowsOut;
    });
    acc.append(
      makeTable(
        Object.fromEntries(specs.map((s, c) => [s.name, columns[c] ?? []])),
        specs.map((s) => s.name),
      ),
    );
  };
  await readParquetInParallel(path, ctx, callingThreadPool());
  return { table: acc.finish(specs.map((s) => s.name)), invalid: ctx.invalid, tallies };
}

describe("the parallel Parquet read", () => {
  const rows = 2_500; // hyparquet-writer's row groups: 1,000 then 100,000 rows, so 2 groups
  const table = makeTable({
    id: Float64Array.from({ length: rows }, (_, i) => i),
    at: Float64Array.from({ length: rows }, (_, i) => Date.UTC(2018, 2, 1 + (i % 28), i % 24)),
    amount: Float64Array.from({ length: rows }, (_, i) => ((i * 37) % 101) / 4),
    count: Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : i % 5)),
    flag: Array.from({ length: rows }, (_, i) =>
      i % 3 === 0 ? null : i % 11 === 0 ? "?" : i % 2 ? "Y" : "N",
    ),
  });

  it("gives the sequential read's rows and invalid-value counts", async () => {
    const path = tmp.file("trips.parquet", "");
    await writeTable(table, path, { schema: Written });
    const whole = await readTableWithReport(path, Written);
    const parallel = await readParallel(path, Written, "error");
    expect(parallel.table.objects()).toEqual(whole.table.objects());

    const strict = await readTableWithReport(path, Strict, { onInvalid: "drop" });
    const strictParallel = await readParallel(path, Strict, "drop");
    expect(strictParallel.table.objects()).toEqual(strict.table.objects());
    expect(strictParallel.invalid.droppedRows).toBe(strict.report.droppedRows);
    expect(Object.fromEntries(strictParallel.invalid.byColumn)).toEqual(strict.report.invalidByColumn);
  });

  it("sends back from each row group only the rows its row conditions keep, with their rows in and out", async () => {
    const path = tmp.file("conditions.parquet", "");
    await writeTable(table, path, { schema: Written });
    const whole = (await readTableWithReport(path, Written)).table.objects() as {
      amount: number;
      count: number | null;
    }[];
    const afterFirst = whole.filter((row) => row.amount > 20);
    const afterBoth = afterFirst.filter((row) => row.count === 0 || row.count === 1);
    const read = await readParallel(path, Written, "error", [
      gt(col("amount"), 20),
      isIn(col("count"), [0, 1]),
    ]);
    expect(read.table.objects()).toEqual(afterBoth);
    expect(read.tallies).toEqual([
      [rows, afterFirst.length],
      [afterFirst.length, afterBoth.length],
    ]);
    expect(afterBoth.length).toBeGreaterThan(0);
  });

  it("throws the sequential read's error, with the file's row number", async () => {
    const path = tmp.file("bad.parquet", "");
    await writeTable(table, path, { schema: Written });
    const sequential = await readTableWithReport(path, Strict).catch((e: unknown) => e);
    const parallel = await readParallel(path, Strict, "error").catch((e: unknown) => e);
    expect(parallel).toBeInstanceOf(TableReadError);
    expect((parallel as TableReadError).message).toBe((sequential as TableReadError).message);
  });
});
