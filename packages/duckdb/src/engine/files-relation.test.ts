import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeTable } from "@tablepipe/io";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { scratchDuckDb } from "../test-support";
import { FilesRelation, sizeInBytes } from "./files-relation";
import { KEEP_JOIN_SIDES } from "./optimizers";
import { duckdbCsvFiles } from "./read-files";
import { duckdbParquetFiles } from "./read-parquet-files";

describe("sizeInBytes", () => {
  it("reads the sizes DuckDB prints its memory limit in", () => {
    expect(sizeInBytes("3.7 GiB")).toBeCloseTo(3.7 * 2 ** 30);
    expect(sizeInBytes("4.0 GB")).toBe(4e9);
    expect(sizeInBytes("512 bytes")).toBe(512);
    expect(sizeInBytes("953.6 MiB")).toBeCloseTo(953.6 * 2 ** 20);
    expect(sizeInBytes("unlimited")).toBeNaN();
  });
});

describe("FilesRelation.optimizersOff", () => {
  const scratch = scratchDuckDb("tablepipe-files-relation-");
  const Row = z.object({ id: z.int(), name: z.string() });

  it("keeps the join sides while a CSV file streams (DuckDB has no row estimate for it), not over a table", async () => {
    const file = join(scratch.folder, "rows.csv");
    await writeFile(file, "id,name\n1,a\n2,b\n");
    const csv = duckdbCsvFiles(file, Row);
    const streamed = await FilesRelation.open(scratch.db, csv, "relation_csv", "streamed");
    expect(streamed.streamed).toEqual([file]);
    expect(streamed.optimizersOff).toEqual(KEEP_JOIN_SIDES);
    await streamed.readIntoTable();
    expect(streamed.optimizersOff).toEqual([]);
    const table = await FilesRelation.open(scratch.db, csv, "loaded_csv", "table");
    expect(table.optimizersOff).toEqual([]);
  });

  it("leaves DuckDB its choice of join sides over a streamed Parquet file (whose row counts it reads)", async () => {
    const file = join(scratch.folder, "rows.parquet");
    await writeTable(aq.table({ id: [1, 2], name: ["a", "b"] }), file);
    const streamed = await FilesRelation.open(
      scratch.db,
      duckdbParquetFiles(file, Row),
      "relation_pq",
      "streamed",
    );
    expect(streamed.streamed).toEqual([file]);
    expect(streamed.optimizersOff).toEqual([]);
  });
});
