import { writeFile } from "node:fs/promises";
import { join as joinPath } from "node:path";
import { col, count, gt, lit, type Pipe, pipe, sum } from "@tablepipe/core";
import { readTableWithReport } from "@tablepipe/io";
import {
  aggregate,
  derive,
  dropDuplicates,
  excludeMatching,
  filter,
  firstNPerGroup,
  join,
  rename,
  rowNumber,
  select,
  window,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbTable } from "./engine/file-sources";
import { duckdbCsvFiles } from "./engine/read-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectParity, expectSameError, expectSameTable, scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-names-");

/** Where each primitive step ran. */
const engines = (result: { placement: readonly { engine: string }[] }) =>
  result.placement.map((p) => p.engine);

describe("column names that differ only by case (DuckDB cannot tell them apart)", () => {
  it("runs a step whose result would hold two such names in process, and the steps after it", async () => {
    const renamed = await expectParity(
      pipe(aq.table({ a: [1, 3], b: [2, 4] }))
        .transform(filter, { where: gt(col("a"), 0) })
        .transform(rename, { columns: { b: "A" } }),
      scratch.db,
    );
    expect(renamed.table.objects()).toEqual([
      { a: 1, A: 2 },
      { a: 3, A: 4 },
    ]);
    expect(engines(renamed)).toEqual(["duckdb", "in-process"]);
    const derived = await expectParity(
      pipe(aq.table({ label: ["x", "y"], id: [1, 2] }))
        .transform(derive, { columns: { Label: lit("z") } })
        .transform(select, { columns: ["Label", "id"] }),
      scratch.db,
    );
    expect(derived.table.objects()).toEqual([
      { Label: "z", id: 1 },
      { Label: "z", id: 2 },
    ]);
    expect(engines(derived)).toEqual(["in-process", "in-process"]);
  });

  it("runs in process a join whose right table, or an aggregate whose measure, is named like a left column or key", async () => {
    const left = aq.table({ id: [1, 2, 1], label: ["a", "b", "c"] });
    const joined = await expectParity(
      pipe(left).transform(join, { right: aq.table({ id: [1, 2], Label: ["one", "two"] }), on: ["id"] }),
      scratch.db,
    );
    expect(joined.table.columnNames()).toEqual(["id", "label", "Label"]);
    expect(engines(joined)).toEqual(["in-process"]);
    const summed = await expectParity(
      pipe(left).transform(aggregate, { by: ["id"], measures: { ID: count(), total: sum(col("id")) } }),
      scratch.db,
    );
    expect(summed.table.objects()).toEqual([
      { id: 1, ID: 2, total: 2 },
      { id: 2, ID: 1, total: 2 },
    ]);
    expect(engines(summed)).toEqual(["in-process"]);
  });

  it("runs in process a step that reads a lookup table holding two such names, and does not load that table", async () => {
    const lookup = aq.table({ id: [1], name: ["x"], NAME: ["y"] });
    const result = await expectParity(
      pipe(aq.table({ id: [1, 2] }))
        .transform(filter, { where: gt(col("id"), 0) })
        .transform(excludeMatching, { column: "id", lookup, lookupKey: "id" }),
      scratch.db,
    );
    expect(result.table.objects()).toEqual([{ id: 2 }]);
    expect(engines(result)).toEqual(["duckdb", "in-process"]);
    expect(result.sql).not.toContain("lookup 1");
  });

  it("runs in process (so that it fails as there) a lookup test of a column named in another case", async () => {
    const lookup = aq.table({ id: [1], Name: ["x"] });
    for (const [lookupKey, column] of [
      ["id", "name"],
      ["ID", "Name"],
    ] as const) {
      await expectSameError(
        pipe(aq.table({ id: [1, 2] })).transform(excludeMatching, {
          column: "id",
          lookup,
          lookupKey,
          where: { anyOf: [{ column, equals: "x" }] },
        }),
        scratch.db,
        {},
        /lookup table: missing column/,
      );
    }
  });

  it("refuses a source table holding two such names before any query runs, naming both", async () => {
    const p = pipe(aq.table({ a: [1], A: [2] })).transform(filter, { where: gt(col("a"), 0) });
    expect(p.run().table.objects()).toEqual([{ a: 1, A: 2 }]);
    await expect(runOnDuckDb(p, { database: scratch.db })).rejects.toThrow(
      /the pipe's source table: columns "a" and "A" differ only by case, and DuckDB cannot tell them apart.*rename one of them/,
    );
  });
});

describe("a user column named rowid (in any case): rows keep their own order", () => {
  it("filters, dedupes and numbers rows in input order, not by the column's values", async () => {
    const table = aq.table({ rowid: [3, 2, 1], v: ["a", "b", "a"] });
    const filtered = await expectParity(
      pipe(table).transform(filter, { where: gt(col("rowid"), 0) }),
      scratch.db,
    );
    expect(filtered.table.array("rowid")).toEqual([3, 2, 1]);
    const deduped = await expectParity(
      pipe(aq.table({ RowID: [2, 1], v: ["a", "a"] })).transform(dropDuplicates, { subset: ["v"] }),
      scratch.db,
    );
    expect(deduped.table.objects()).toEqual([{ RowID: 2, v: "a" }]);
    const numbered = await expectParity(
      pipe(table).transform(window, { partitionBy: ["v"], orderBy: ["v"], columns: { n: rowNumber() } }),
      scratch.db,
    );
    // ties on v broken by rowid's values (every other column), then by position
    expect(numbered.table.array("n")).toEqual([2, 1, 1]);
    expect(engines(numbered)).toEqual(["duckdb"]);
  });

  it("keeps a lookup table's order (a join's matches) and a large table's order across DuckDB's threads", async () => {
    const right = aq.table({ id: [1, 1, 1], ROWID: [9, 8, 7] });
    const joined = await expectParity(
      pipe(aq.table({ id: [1] })).transform(join, { right, on: ["id"] }),
      scratch.db,
    );
    expect(joined.table.array("ROWID")).toEqual([9, 8, 7]);
    const rows = 300_000;
    const large = aq.table({
      rowid: Float64Array.from({ length: rows }, (_, i) => rows - i),
      g: Float64Array.from({ length: rows }, (_, i) => (i * 7919) % 1000),
    });
    const result = await expectParity(
      pipe(large)
        .transform(dropDuplicates, { subset: ["g"] })
        .transform(firstNPerGroup, { keys: ["g"], orderBy: ["g"], n: 1 }),
      scratch.db,
    );
    expect(result.table.numRows()).toBe(1000);
  });

  it("reads files and a database table with a rowid column in their own order", async () => {
    const Row = z.object({ rowid: z.int(), v: z.string() });
    const path = joinPath(scratch.folder, "rowid.csv");
    await writeFile(path, "rowid,v\n3,a\n1,b\n2,a\n5,x\n");
    const expected = (await readTableWithReport(path, Row)).table;
    const deduped = (p: Pipe<string>) => p.transform(dropDuplicates, { subset: ["v"] });
    const filtered = (p: Pipe<string>) => deduped(p.transform(filter, { where: gt(col("rowid"), 1) }));
    // read into a table first, with the first filter into a table, and streamed
    const reads = [
      [deduped, "table", "table", [3, 1, 5]],
      [filtered, "table", "filtered", [3, 5]],
      [filtered, "streamed", "streamed", [3, 5]],
    ] as const;
    for (const [steps, readFiles, readBy, kept] of reads) {
      const source = duckdbCsvFiles(path, Row);
      const result = await runOnDuckDb(steps(pipe(source.table)), {
        database: scratch.db,
        source,
        readFiles,
      });
      expectSameTable(result.table, steps(pipe(expected)).run().table);
      expect([result.readBy, result.table.array("rowid")]).toEqual([readBy, kept]);
    }
    // an invalid cell: readTable's first error in line order, not in the column's order
    await writeFile(path, "rowid,v\n3,a\nx,b\n2,a\ny,c\n");
    await expect(readTableWithReport(path, Row)).rejects.toThrow(/line 3/);
    await expect(
      runOnDuckDb(pipe(duckdbCsvFiles(path, Row).table), {
        database: scratch.db,
        source: duckdbCsvFiles(path, Row),
        readFiles: "table",
      }),
    ).rejects.toThrow(/line 3.*rowid.*"x"/);
    await scratch.db.connection.run(
      "CREATE TABLE \"rowid_table\" (rowid BIGINT, v VARCHAR); INSERT INTO \"rowid_table\" VALUES (3, 'a'), (1, 'b'), (2, 'a')",
    );
    const table = await runOnDuckDb(pipe(expected.slice(0, 0)).transform(dropDuplicates, { subset: ["v"] }), {
      database: scratch.db,
      source: duckdbTable("rowid_table", Row),
    });
    expect(table.table.objects()).toEqual([
      { rowid: 3, v: "a" },
      { rowid: 1, v: "b" },
    ]);
  });
});

describe("helper column names", () => {
  it("gives a user column named __rank its own values: first-N and a dedupe on some columns", async () => {
    const table = aq.table({ __rank: [1, 2, 2], g: [1, 1, 2], v: [2, 1, 1] });
    const firstN = await expectParity(
      pipe(table).transform(firstNPerGroup, { keys: ["g"], orderBy: ["v"], n: 1 }),
      scratch.db,
    );
    expect(firstN.table.numRows()).toBe(2);
    const deduped = await expectParity(
      pipe(aq.table({ __rank: [1, 2], v: ["a", "a"] })).transform(dropDuplicates, { subset: ["v"] }),
      scratch.db,
    );
    expect(deduped.table.objects()).toEqual([{ __rank: 1, v: "a" }]);
    expect(engines(firstN)).toEqual(["duckdb"]);
  });

  it("refuses a source column in the reserved __tablepipe_ namespace (any case), and runs a step adding one in process", async () => {
    for (const name of ["__tablepipe_row", "__tablepipe_rank", "__TablePipe_Row"]) {
      await expect(runOnDuckDb(pipe(aq.table({ [name]: [1] })), { database: scratch.db })).rejects.toThrow(
        `the pipe's source table: the column name "${name}" is reserved`,
      );
    }
    const result = await expectParity(
      pipe(aq.table({ v: [2, 1] }))
        .transform(filter, { where: gt(col("v"), 0) })
        .transform(derive, { columns: { __tablepipe_rank: lit(1) } }),
      scratch.db,
    );
    expect(engines(result)).toEqual(["duckdb", "in-process"]);
  });
});
