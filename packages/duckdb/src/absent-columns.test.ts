import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { col, gt, pipe } from "@tablepipe/core";
import { describeRead, readTableWithReport, writeTable } from "@tablepipe/io";
import { filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import type { FilesReadMode } from "./engine/files-relation";
import { duckdbCsvFiles } from "./engine/read-files";
import { duckdbParquetFiles } from "./engine/read-parquet-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-absent-");
const Note = z.object({ id: z.int(), note: z.string().optional() });

describe("optional columns a file lacks, on DuckDB", () => {
  it("are read as null and listed in the read report as readTable lists them, CSV and Parquet, in every read mode", async () => {
    const named = join(scratch.folder, "a.csv");
    const renamed = join(scratch.folder, "b.csv");
    await writeFile(named, "id,note\n1,x\n");
    await writeFile(renamed, "id,note_text\n2,call back\n3,VIP\n");
    const parquet = join(scratch.folder, "ids.parquet");
    await writeTable(aq.table({ id: [4, 5] }), parquet);
    const sources = [
      { files: [named, renamed], source: () => duckdbCsvFiles([named, renamed], Note) },
      { files: [parquet], source: () => duckdbParquetFiles(parquet, Note) },
    ];
    for (const { files, source } of sources) {
      const expected = await readTableWithReport(files, Note);
      expect(expected.report.absentColumns).toEqual({ note: [files.at(-1) as string] });
      for (const readFiles of ["table", "streamed", "auto"] as FilesReadMode[]) {
        const read = source();
        const result = await runOnDuckDb(pipe(read.table), { database: scratch.db, source: read, readFiles });
        expect(result.table.objects()).toEqual(expected.table.objects());
        expect(result.read?.absentColumns).toEqual(expected.report.absentColumns);
      }
      // the filtered read (a row-local first step, run with the read of each file)
      const read = source();
      const filtered = await runOnDuckDb(pipe(read.table).transform(filter, { where: gt(col("id"), 0) }), {
        database: scratch.db,
        source: read,
        readFiles: "table",
      });
      expect(filtered.read?.absentColumns).toEqual(expected.report.absentColumns);
    }
    const { report } = await readTableWithReport(renamed, Note);
    expect(describeRead(report).absent).toBe("column note: not in the file, read as null (or its default)");
  });
});
