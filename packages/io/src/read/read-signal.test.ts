import { table as makeTable } from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { tempFolder } from "../test-support";
import { writeTable } from "../write/write-table";
import { readTableInBatches } from "./read-batches";
import { readTable } from "./read-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Row = z.object({ id: z.int(), amount: z.number() });
const ROWS = 20_000;
const ids = Array.from({ length: ROWS }, (_, i) => i);
const csvFile = tmp.file("rows.csv", ["id,amount", ...ids.map((i) => `${i},${i / 4}`)].join("\n"));
const parquetFile = `${tmp.dir}/rows.parquet`;
await writeTable(makeTable({ id: ids, amount: ids.map((i) => i / 4) }), parquetFile, {
  schema: Row,
  format: "parquet",
  rowGroupRows: 1000,
});

describe("a read's signal", () => {
  it.each([
    ["CSV on the calling thread", csvFile, 0],
    ["CSV in worker threads", csvFile, 2],
    ["Parquet on the calling thread", parquetFile, 0],
    ["Parquet in worker threads", parquetFile, 2],
  ])(
    "stops a batched read after the chunk it is reading, rejecting with its reason (%s)",
    async (_, file, workers) => {
      const controller = new AbortController();
      const reason = new Error("interrupted by SIGINT");
      let rows = 0;
      const read = readTableInBatches(
        file,
        Row,
        { signal: controller.signal, workers, chunkSize: 4096 },
        (batch) => {
          rows += batch.numRows();
          controller.abort(reason);
        },
      );
      await expect(read).rejects.toBe(reason);
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThan(ROWS / 2);
    },
  );

  it("rejects a whole read at once when it is aborted already, and leaves a read without one alone", async () => {
    const reason = new Error("stop");
    await expect(readTable(csvFile, Row, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(readTable(parquetFile, Row, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect((await readTable(csvFile, Row, { signal: new AbortController().signal })).numRows()).toBe(ROWS);
  });
});
