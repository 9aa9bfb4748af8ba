import {
  adds,
  ContractViolationError,
  col,
  defineTransform,
  gt,
  needs,
  pipe,
  typedTable,
} from "@tablepipe/core";
import { derive, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { checkOwnRenderings, type DescribedColumn, hasOwnRenderings } from "./own-rendering-check";
import { ROW_ORDER_COLUMN } from "./row-order";
import { compileForTest } from "./test-support/compile-for-test";

const readings = () => typedTable(aq.table({ v: [1, 2] }), { v: { type: "float", nullable: false } });

const addsW = defineTransform({
  name: "addsW",
  columns: { column: needs("v"), output: adds({ type: "int", default: "w" }) },
  apply: (table, { output }) => table.derive({ [output]: () => 1 }),
  sql: (_, c) => `SELECT *, 1 AS w FROM ${c.input}`,
});

const column = (name: string, type: string, kind: DescribedColumn["kind"]): DescribedColumn => ({
  name,
  type,
  kind,
});
const ROW = column(ROW_ORDER_COLUMN, "BIGINT", "number");

describe("checkOwnRenderings", () => {
  it("asks nothing of the engine for a pipe of built-in renderings", async () => {
    const compiled = compileForTest(
      pipe(readings())
        .transform(filter, { where: gt(col("v"), 1) })
        .transform(derive, { columns: { x: col("v") } }),
    );
    expect(hasOwnRenderings(compiled)).toBe(false);
    const asked: string[] = [];
    await checkOwnRenderings(compiled, "duckdb", async (_, what) => {
      asked.push(what);
      return [];
    });
    expect(asked).toEqual([]);
  });

  it("describes each step a user's sql renders once, in order", async () => {
    const compiled = compileForTest(
      pipe(readings())
        .transform(filter, { where: gt(col("v"), 1) })
        .transform(addsW)
        .transform(addsW, { output: "w2" }),
    );
    const asked: string[] = [];
    await checkOwnRenderings(compiled, "duckdb", async (_, what) => {
      asked.push(what);
      const added = asked.length === 1 ? ["w"] : ["w", "w2"];
      return [column("v", "DOUBLE", "number"), ...added.map((w) => column(w, "INTEGER", "number")), ROW];
    }).catch((error: unknown) => {
      asked.push(String(error));
    });
    expect(asked).toEqual(["addsW", "addsW(w2)"]);
  });

  it("takes a column of nulls for any type, and names as the dialect does (DuckDB ignores case)", async () => {
    const compiled = (dialect: "duckdb" | "spark") =>
      compileForTest(pipe(readings()).transform(addsW), { dialect });
    const outputs = [column("V", "DOUBLE", "number"), column("w", '"NULL"', "null"), ROW];
    await expect(
      checkOwnRenderings(compiled("duckdb"), "duckdb", async () => outputs),
    ).resolves.toBeUndefined();
    await expect(checkOwnRenderings(compiled("spark"), "spark", async () => outputs)).rejects.toThrow(
      new ContractViolationError(
        'addsW: its SQL rendering breaks its column contract: does not output column "v", which its contract keeps; ' +
          'outputs column "V", which its contract does not add (declare it: an adds() column param, or contract: () => ({ adds: ["V"] })); ' +
          "its SQL outputs: V, w",
      ),
    );
  });

  it("leaves a step whose query does not bind to the run, whose error names it", async () => {
    const compiled = compileForTest(pipe(readings()).transform(addsW));
    await expect(
      checkOwnRenderings(compiled, "duckdb", async () => {
        throw new Error("Binder Error");
      }),
    ).resolves.toBeUndefined();
  });
});
