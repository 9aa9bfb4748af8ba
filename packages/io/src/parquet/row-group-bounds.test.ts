/**
 * `rowGroupBounds`: the row groups a Parquet read skips by their statistics hold no row within the bounds, so a
 * read with bounds and then the filter gives exactly the unbounded read then the filter — on the sequential,
 * the batched and the parallel read — and the rows skipped are counted.
 */

import { TableAccumulator } from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { readTableInBatches } from "../read/read-batches";
import { readTableWithReport } from "../read/read-table";
import { columnKinds } from "../read/schema-columns";
import { tempFolder } from "../test-support";
import { pieceContext } from "../workers/piece-context";
import { callingThreadPool } from "../workers/worker-pool";
import { writeTable } from "../write/write-table";
import { readParquetInParallel } from "./parallel-parquet";
import type { ColumnBound } from "./row-group-bounds";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Row = z.object({ id: z.int(), at: z.date(), amount: z.number(), zone: z.string().nullable() });
type Row = { id: number; at: number; amount: number; zone: string | null };

const ROWS = 4_000;
const GROUP = 500; // 8 row groups
const START = Date.UTC(2018, 0, 1);
const HOUR = 3_600_000;

/** Rows in time order (each row group covers its own stretch of time); ids and zones climb with time too. */
function sortedTable(): ColumnTable {
  return makeTable({
    id: Float64Array.from({ length: ROWS }, (_, i) => i),
    at: Float64Array.from({ length: ROWS }, (_, i) => START + i * HOUR),
    amount: Float64Array.from({ length: ROWS }, (_, i) => ((i * 37) % 101) / 4),
    zone: Array.from({ length: ROWS }, (_, i) =>
      i % 9 === 0 ? null : `z${String(Math.floor(i / 100)).padStart(3, "0")}`,
    ),
  });
}

/** The same rows shuffled (seeded): every row group spans nearly the whole range. */
function shuffledTable(): ColumnTable {
  const order = Array.from({ length: ROWS }, (_, i) => i);
  let seed = 7;
  for (let i = ROWS - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const sorted = sortedTable();
  return makeTable(
    Object.fromEntries(
      sorted.columnNames().map((name) => {
        const values = sorted.array(name) as ArrayLike<unknown>;
        return [name, order.map((i) => values[i])];
      }),
    ),
  );
}

async function parquetOf(name: string, table: ColumnTable): Promise<string> {
  const path = tmp.file(name, "");
  await writeTable(table, path, { schema: Row, rowGroupRows: GROUP });
  return path;
}

/** Does a row lie within every bound (the filter a pipe would run)? */
function within(row: Row, bounds: readonly ColumnBound[]): boolean {
  return bounds.every((b) => {
    const v = row[b.column as keyof Row];
    if (v === null) return false;
    if (b.min !== undefined && (b.minExclusive ? v <= b.min : v < b.min)) return false;
    if (b.max !== undefined && (b.maxExclusive ? v >= b.max : v > b.max)) return false;
    return true;
  });
}

const filtered = (table: ColumnTable, bounds: readonly ColumnBound[]): Row[] =>
  (table.objects() as Row[]).filter((row) => within(row, bounds));

async function readParallel(path: string, bounds: readonly ColumnBound[]) {
  const specs = columnKinds(Row);
  const ctx = Object.assign(pieceContext(path, specs, undefined, "error"), { rowGroupBounds: bounds });
  const acc = new TableAccumulator();
  ctx.onDecodedBatch = (columns) => {
    acc.append(makeTable(Object.fromEntries(specs.map((s, c) => [s.name, columns[c] ?? []]))));
  };
  await readParquetInParallel(path, ctx, callingThreadPool());
  return { table: acc.finish(specs.map((s) => s.name)), skipped: ctx.skippedRows ?? 0 };
}

async function readBatched(path: string, bounds: readonly ColumnBound[]) {
  const acc = new TableAccumulator();
  const report = await readTableInBatches(path, Row, { rowGroupBounds: bounds, workers: 0 }, (batch) =>
    acc.append(batch),
  );
  return { table: acc.finish(["id", "at", "amount", "zone"]), skipped: report.skippedRows ?? 0 };
}

const CASES: { name: string; bounds: ColumnBound[]; skipped: number }[] = [
  {
    name: "a time range, end exclusive",
    bounds: [{ column: "at", min: START + 1_200 * HOUR, max: START + 2_000 * HOUR, maxExclusive: true }],
    skipped: 6 * GROUP, // groups 0-1 end before the range, groups 4-7 start at or after its end
  },
  { name: "a lower bound only", bounds: [{ column: "id", min: 3_499 }], skipped: 6 * GROUP },
  {
    name: "an exclusive lower bound",
    bounds: [{ column: "id", min: 3_499, minExclusive: true }],
    skipped: 7 * GROUP,
  },
  { name: "an upper bound on strings", bounds: [{ column: "zone", max: "z004" }], skipped: 7 * GROUP },
  {
    name: "two columns at once",
    bounds: [
      { column: "at", max: START + 2_600 * HOUR },
      { column: "id", min: 1_000 },
    ],
    skipped: 2 * GROUP + 2 * GROUP, // before id 1,000; after hour 2,600
  },
  { name: "bounds no row group lies outside", bounds: [{ column: "amount", min: 0, max: 25 }], skipped: 0 },
  { name: "bounds every row group lies outside", bounds: [{ column: "id", min: ROWS }], skipped: ROWS },
];

describe("rowGroupBounds on a Parquet read", () => {
  for (const { name, bounds, skipped } of CASES) {
    it(`${name}: skips ${skipped} rows, and the filtered rows equal the unbounded read's`, async () => {
      const path = await parquetOf(`sorted-${name.replaceAll(/\W+/g, "-")}.parquet`, sortedTable());
      const whole = await readTableWithReport(path, Row);
      const expected = filtered(whole.table, bounds);

      const sequential = await readTableWithReport(path, Row, { rowGroupBounds: bounds });
      expect(filtered(sequential.table, bounds)).toEqual(expected);
      expect(sequential.report.skippedRows ?? 0).toBe(skipped);
      expect(sequential.report.rows).toBe(ROWS - skipped); // a row group read is read whole: not a row filter

      const batched = await readBatched(path, bounds);
      expect(filtered(batched.table, bounds)).toEqual(expected);
      expect(batched.skipped).toBe(skipped);

      const parallel = await readParallel(path, bounds);
      expect(filtered(parallel.table, bounds)).toEqual(expected);
      expect(parallel.skipped).toBe(skipped);
    });
  }

  it("skips nothing when every row group spans the range, and still gives the same rows", async () => {
    const path = await parquetOf("shuffled.parquet", shuffledTable());
    const bounds: ColumnBound[] = [{ column: "at", min: START + 1_000 * HOUR, max: START + 1_100 * HOUR }];
    const whole = await readTableWithReport(path, Row);
    const bounded = await readTableWithReport(path, Row, { rowGroupBounds: bounds });
    expect(bounded.report.skippedRows).toBeUndefined();
    expect(bounded.table.objects()).toEqual(whole.table.objects());
  });

  it("leaves CSV files whole", async () => {
    const path = tmp.file("sorted.csv", "");
    await writeTable(sortedTable(), path, { schema: Row });
    const { report } = await readTableWithReport(path, Row, {
      rowGroupBounds: [{ column: "id", min: 3_000 }],
    });
    expect(report.rows).toBe(ROWS);
    expect(report.skippedRows).toBeUndefined();
  });

  it("refuses a bound on a column the schema lacks, or of the wrong type, naming the column", async () => {
    const path = await parquetOf("refused.parquet", sortedTable());
    await expect(
      readTableWithReport(path, Row, { rowGroupBounds: [{ column: "when", min: 1 }] }),
    ).rejects.toThrow('rowGroupBounds: column "when" is not in the schema (id, at, amount, zone)');
    await expect(
      readTableWithReport(path, Row, { rowGroupBounds: [{ column: "at", min: "2018-01-01" }] }),
    ).rejects.toThrow(
      'column "at": min "2018-01-01" is not a number, as the column\'s type (timestamp) needs',
    );
    await expect(readTableWithReport(path, Row, { rowGroupBounds: [{ column: "id" }] })).rejects.toThrow(
      'column "id" has no min and no max',
    );
  });

  it("checks the bounds of a read without a schema against the file's columns, and skips as with one", async () => {
    const path = await parquetOf("no-schema.parquet", sortedTable());
    await expect(
      readTableWithReport(path, undefined, { rowGroupBounds: [{ column: "when", min: 1 }] }),
    ).rejects.toThrow('rowGroupBounds: column "when" is not in the schema (id, at, amount, zone)');
    const { report } = await readTableWithReport(path, undefined, {
      rowGroupBounds: [{ column: "id", min: 3_499 }],
    });
    expect(report.skippedRows).toBe(6 * GROUP);
  });

  it("refuses rowGroupRows that is not a positive integer", async () => {
    await expect(
      writeTable(sortedTable(), tmp.file("bad-groups.parquet", ""), { rowGroupRows: 0 }),
    ).rejects.toThrow("rowGroupRows must be a positive integer, got 0");
  });
});
