import { writeFile } from "node:fs/promises";
import { join as joinPath } from "node:path";
import { adds, ContractViolationError, defineTransform, needs, pipe } from "@tablepipe/core";
import { readTableWithReport } from "@tablepipe/io";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbCsvFiles } from "./engine/read-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectSameTable, scratchDuckDb } from "./test-support";

const Row = z.object({ celsius: z.number() });

/** Adds an int flag; `asBoolean`: its SQL gives the comparison itself, a BOOLEAN, against its contract. */
const aboveZero = (asBoolean: boolean) =>
  defineTransform({
    name: "aboveZero",
    rowLocal: true,
    columns: {
      column: needs({ type: "float", default: "celsius" }),
      output: adds({ type: "int", default: "above" }),
    },
    apply: (table, { column, output }) =>
      table.derive({
        [output]: aq.escape((d: Record<string, number>) => ((d[column] as number) > 0 ? 1 : 0)),
      }),
    sql: ({ column, output }, c) => {
      const test = `${c.quote(column)} > 0`;
      return `SELECT *, ${asBoolean ? test : `CASE WHEN ${test} THEN 1 ELSE 0 END`} AS ${c.quote(output)} FROM ${c.input}`;
    },
  });

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
        runOnDuckDb(pipe(wrong.table).transform(aboveZero(true)), {
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
      const result = await runOnDuckDb(pipe(right.table).transform(aboveZero(false)), {
        database: scratch.db,
        source: right,
        readFiles,
      });
      expect(result.readBy).toBe(readBy);
      expectSameTable(result.table, pipe(expected).transform(aboveZero(false)).run().table);
    }
  });
});
