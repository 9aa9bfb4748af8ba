import { writeFile } from "node:fs/promises";
import { join as joinPath } from "node:path";
import { ContractViolationError, pipe } from "@tablepipe/core";
import { readTableWithReport } from "@tablepipe/io";
import { aboveZero } from "@tablepipe/sql/test-support";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbCsvFiles } from "./engine/read-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectSameTable, scratchDuckDb } from "./test-support";

const Row = z.object({ celsius: z.number() });

/** The suite's int flag, its SQL giving the comparison itself (a BOOLEAN, against its contract) or a CASE. */
const aboveZeroSql = (asBoolean: boolean) =>
  aboveZero((column, output, q) =>
    asBoolean
      ? `${q(column)} > 0 AS ${q(output)}`
      : `CASE WHEN ${q(column)} > 0 THEN 1 ELSE 0 END AS ${q(output)}`,
  );

describe("a transform's own sql over files on DuckDB", () => {
  const scratch = scratchDuckDb("tablepipe-own-sql-");

  it("is checked against its contract however the files are read (into a table, with the first steps, streamed)", async () => {
    const path = joinPath(scratch.folder, "readings.csv");
    await writeFile(path, "celsius\n1.5\n-2\n0\n");
    const expected = (await readTableWithReport(path, Row)).table;
    for (const [readFiles, readBy] of [
      ["table", "filtered"],
      ["streamed", "streamed"],
    ] as const) {
      const wrong = duckdbCsvFiles(path, Row);
      await expect(
        runOnDuckDb(pipe(wrong.table).transform(aboveZeroSql(true)), {
          database: scratch.db,
          source: wrong,
          readFiles,
        }),
      ).rejects.toThrow(
        new ContractViolationError(
          'aboveZero: its SQL rendering breaks its column contract: its SQL gives column "above" as BOOLEAN, but its contract adds it as int',
        ),
      );
      const right = duckdbCsvFiles(path, Row);
      const result = await runOnDuckDb(pipe(right.table).transform(aboveZeroSql(false)), {
        database: scratch.db,
        source: right,
        readFiles,
      });
      expect(result.readBy).toBe(readBy);
      expectSameTable(result.table, pipe(expected).transform(aboveZeroSql(false)).run().table);
    }
  });
});
