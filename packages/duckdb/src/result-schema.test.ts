import { add, col, count, mul, pipe, schemaOf, sub, typedTable } from "@tablepipe/core";
import {
  aggregate,
  derive,
  dropDuplicates,
  firstNPerGroup,
  rowNumber,
  sortRows,
  window,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { expectParity, scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-result-schema-");

/** Run `p` on DuckDB (every step there) and in process; assert the same values, and the same schema. */
async function expectSameSchema(p: ReturnType<typeof pipe<string>>) {
  const result = await expectParity(p, scratch.db);
  expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
  expect(schemaOf(result.table)).toEqual(schemaOf(p.run().table));
  return result.table;
}

const INT = z.int().nullable();

describe("the declared types of a DuckDB result are the in-process run's", () => {
  it("add, sub and mul of ints are ints (DuckDB computes doubles), their values whole past 2^53 too", async () => {
    const ints = typedTable(aq.table({ k: [1, -2, null, 2 ** 53, 2 ** 62] }), z.object({ k: INT }));
    const table = await expectSameSchema(
      pipe(ints).transform(derive, {
        columns: { a: add(col("k"), 1), s: sub(col("k"), 3), m: mul(col("k"), col("k")) },
      }),
    );
    expect(schemaOf(table).a).toEqual({ type: "int", nullable: true });
    for (const name of ["a", "s", "m"]) {
      const values = Array.from(table.array(name) as ArrayLike<number | null>).filter((v) => v !== null);
      expect(values.every((v) => Number.isInteger(v))).toBe(true);
    }
  });

  it("a plain table's column of whole numbers is an int column (DuckDB loads it as DOUBLE)", async () => {
    const plain = aq.table({ k: [3, 1, 2], x: [0.5, 1, 2], s: ["a", "b", null] });
    expect(schemaOf(await expectSameSchema(pipe(plain))).k?.type).toBe("int"); // no step
    const table = await expectSameSchema(pipe(plain).transform(sortRows, { by: ["k"] }));
    expect(schemaOf(table).k?.type).toBe("int");
    await expectSameSchema(pipe(plain).transform(dropDuplicates, { subset: ["x"] }));
  });

  it("an empty typed table's nullable columns stay nullable through sorts, dedupes, first-N, window and aggregate", async () => {
    const empty = () =>
      typedTable(
        aq.table({ k: [] as number[], s: [] as string[] }),
        z.object({ k: INT, s: z.string().nullable() }),
      );
    for (const p of [
      pipe(empty()).transform(sortRows, { by: ["k"] }),
      pipe(empty()).transform(dropDuplicates),
      pipe(empty()).transform(firstNPerGroup, { keys: ["s"], orderBy: ["k"], n: 1 }),
      pipe(empty()).transform(window, { partitionBy: ["s"], orderBy: ["k"], columns: { r: rowNumber() } }),
      pipe(empty()).transform(aggregate, { by: ["s"], measures: { n: count() } }),
    ]) {
      const table = await expectSameSchema(p);
      expect(schemaOf(table).s).toEqual({ type: "string", nullable: true });
    }
  });
});
