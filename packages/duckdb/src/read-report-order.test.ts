import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipe } from "@tablepipe/core";
import { describeRead, readTableWithReport } from "@tablepipe/io";
import { sortRows } from "@tablepipe/transforms";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbCsvFiles } from "./engine/read-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectSameReadReport, scratchDuckDb } from "./test-support";

const Reading = z.object({
  device_id: z.string(),
  ts: z.date(),
  value: z.number(),
  unit: z.enum(["C", "F"]),
});

/** Two loggers' files: the first invalid value of `value` comes before the first of `ts`, `unit`'s last. */
const FILES = {
  "a.csv": ["device_id,ts,value,unit", "d1,2024-03-01 10:00:00,x,C", "d1,2024-03-01 11:00:00,2.5,C"],
  "b.csv": [
    "device_id,unit,value,ts", // another column order: readTable matches the columns by name
    "d2,C,1.5,not a time",
    "d2,F,n/a,2024-03-01 12:00:00",
    "d2,K,3,bad",
    "d2,C,4,2024-03-01 13:00:00",
  ],
};

const scratch = scratchDuckDb("tablepipe-duckdb-read-report-order-");

describe("the read report's per-column counts, in the order readTable lists them", () => {
  it("DuckDB lists the columns as their first invalid values come in the files, as readTable does", async () => {
    const paths = await Promise.all(
      Object.entries(FILES).map(async ([name, lines]) => {
        const path = join(scratch.folder, name);
        await writeFile(path, `${lines.join("\n")}\n`);
        return path;
      }),
    );
    const expected = await readTableWithReport(paths, Reading, { onInvalid: "drop" });
    const source = duckdbCsvFiles(paths, Reading, { onInvalid: "drop" });
    const result = await runOnDuckDb(pipe(source.table).transform(sortRows, { by: ["ts"] }), {
      source,
      database: scratch.db,
    });
    expectSameReadReport(result.read, expected.report);
    expect(describeRead(expected.report).dropped).toMatch(/\(value 2, ts 2, unit 1\)/);
    expect(result.read && describeRead(result.read).dropped).toBe(describeRead(expected.report).dropped);
  });
});
