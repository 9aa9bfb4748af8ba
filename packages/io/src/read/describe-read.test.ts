import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { tempFolder } from "../test-support";
import { describeRead } from "./describe-read";
import { readTableWithReport } from "./read-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

describe("describeRead", () => {
  it("describes dropped rows with the count per column and examples", async () => {
    const path = tmp.file("drop.csv", "id,amount\n1,2\nx,3\n3,y\n4,z\n5,6\n");
    const { report } = await readTableWithReport(path, z.object({ id: z.int(), amount: z.number() }), {
      onInvalid: "drop",
    });
    const { summary, dropped } = describeRead(report);
    expect(summary).toMatch(/^read 2 rows from .*drop\.csv in \d+ ms$/);
    expect(dropped).toMatch(/^dropped 3 rows with invalid values \(id 1, amount 2\); e\.g\. /);
    expect(dropped).toContain(`${path} line 3, column id: cannot parse "x" as an integer`);
  });

  it("has no dropped line when every row is valid, and separates thousands", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => String(i)).join("\n");
    const { report } = await readTableWithReport(
      tmp.file("ok.csv", `id\n${rows}\n`),
      z.object({ id: z.int() }),
    );
    const description = describeRead(report);
    expect(description.dropped).toBeUndefined();
    expect(description.summary).toMatch(/^read 1,200 rows from .*ok\.csv in [\d,]+ ms$/);
  });

  it("says how many rows rowGroupBounds skipped unread", () => {
    const report = {
      files: ["a.parquet"],
      ms: 5,
      rows: 1_000,
      droppedRows: 0,
      invalidByColumn: {},
      examples: [],
    };
    expect(describeRead({ ...report, skippedRows: 2_500 }).summary).toBe(
      "read 1,000 rows from a.parquet in 5 ms, skipped 2,500 rows unread (Parquet row groups outside the read's bounds)",
    );
    expect(describeRead({ ...report, skippedRows: 0 }).summary).toBe(
      "read 1,000 rows from a.parquet in 5 ms",
    );
  });

  it("says how many worker threads parsed the files, when any did", () => {
    const report = { files: ["a.csv"], ms: 5, rows: 10, droppedRows: 0, invalidByColumn: {}, examples: [] };
    expect(describeRead({ ...report, threads: 2, skippedRows: 3 }).summary).toBe(
      "read 10 rows from a.csv in 5 ms on 2 worker threads, skipped 3 rows unread (Parquet row groups outside the read's bounds)",
    );
    expect(describeRead({ ...report, threads: 1 }).summary).toBe(
      "read 10 rows from a.csv in 5 ms on 1 worker thread",
    );
    expect(describeRead({ ...report, threads: 0 }).summary).toBe("read 10 rows from a.csv in 5 ms");
  });
});
