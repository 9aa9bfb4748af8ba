import { table } from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { tempFolder } from "../test-support";
import { writeTable } from "../write/write-table";
import { describeRead } from "./describe-read";
import { readTableInBatches } from "./read-batches";
import { readTableWithReport } from "./read-table";

const tmp = tempFolder();
afterAll(() => tmp.remove());

const Note = z.object({ id: z.int(), note: z.string().optional() });

describe("absent optional columns", () => {
  it("reads an optional column a CSV file lacks as null, and says so in the report", async () => {
    const path = tmp.file("notes.csv", "id,note_text\n1,call back\n2,VIP\n");
    const { table, report } = await readTableWithReport(path, Note);
    expect(table.objects()).toEqual([
      { id: 1, note: null },
      { id: 2, note: null },
    ]);
    expect(report.absentColumns).toEqual({ note: [path] });
    expect(describeRead(report).absent).toBe("column note: not in the file, read as null (or its default)");
    // a .nullable() column must be in the file
    await expect(
      readTableWithReport(path, z.object({ id: z.int(), note: z.string().nullable() })),
    ).rejects.toThrow(/column note: column not found; tried "note"/);
  });

  it("names the files that lack it among several, Parquet and batched reads too, and nothing when none does", async () => {
    const a = tmp.file("a.csv", "id,note\n1,x\n");
    const b = tmp.file("b.csv", "id\n2\n");
    const both = await readTableWithReport([a, b], Note);
    expect(both.report.absentColumns).toEqual({ note: [b] });
    expect(describeRead(both.report).absent).toBe(
      `column note: not in 1 of 2 files (${b}), read as null (or its default)`,
    );
    const parquet = `${tmp.dir}/ids.parquet`;
    await writeTable(table({ id: [1, 2] }), parquet);
    const Defaulted = z.object({ id: z.int(), kind: z.string().default("plain") });
    const read = await readTableWithReport(parquet, Defaulted);
    expect(read.table.array("kind")).toEqual(["plain", "plain"]);
    expect(read.report.absentColumns).toEqual({ kind: [parquet] });
    const batched = await readTableInBatches(
      [b, parquet],
      Note,
      { workers: 1, chunkSize: 64 },
      () => undefined,
    );
    expect(batched.absentColumns).toEqual({ note: [b, parquet] });
    const whole = await readTableWithReport(a, Note);
    expect(whole.report.absentColumns).toBeUndefined();
    expect(describeRead(whole.report).absent).toBeUndefined();
  });
});
