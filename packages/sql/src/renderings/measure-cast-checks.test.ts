import { cast, col, count, max, mul, pipe, sum } from "@tablepipe/core";
import { aggregate, cumulativeSum, lag, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import type { CompiledCte } from "../compile-pipe";
import { compileForTest } from "../test-support/compile-for-test";

const table = () => aq.table({ k: [1, 2], x: [1.5, 2], g: ["7", "a"], t: ["2018-01-01 00:00:00", null] });
const sourceTypes = { k: "int", x: "float", g: "string", t: "string" } as const;
const lastCte = (p: ReturnType<typeof pipe<string>>, dialect: "duckdb" | "spark" = "duckdb") =>
  compileForTest(p, { dialect, sourceTypes }).ctes.at(-1) as CompiledCte;

describe("the check of a cast that can fail in an aggregate's measure or a window's function", () => {
  it("aggregate: a measure's cast of a string, or of a float to int, is checked in the WHERE before GROUP BY", () => {
    for (const dialect of ["duckdb", "spark"] as const) {
      const grouped = lastCte(
        pipe(table()).transform(aggregate, {
          by: ["k"],
          measures: { n: count(), s: sum(cast(col("g"), "float")) },
        }),
        dialect,
      );
      expect(grouped.sql).toMatch(/ WHERE \(CASE WHEN .* THEN (error|raise_error)\(.* GROUP BY /s);
      expect(grouped.failureProbe).toBeDefined();
      const global = lastCte(
        pipe(table()).transform(aggregate, { by: [], measures: { m: max(cast(mul(col("x"), 2), "int")) } }),
        dialect,
      );
      expect(global.sql).toMatch(/ WHERE \(CASE WHEN .*9\.223372036854775808e18/s);
      expect(global.failureProbe).toBeDefined();
    }
  });

  it("window: a function's cast that can fail is checked in the WHERE", () => {
    const p = pipe(table()).transform(window, {
      partitionBy: [],
      orderBy: ["k"],
      columns: { s: cumulativeSum(cast(col("g"), "float")), p: lag(col("g")) },
    });
    const cte = lastCte(p);
    expect(cte.sql).toMatch(/ OVER \(.* FROM "source" WHERE \(CASE WHEN "g" IS NOT NULL AND NOT \(/s);
    expect(cte.failureProbe).toBeDefined();
  });

  it("a cast that cannot fail (an int or float to float, an int to int), or none: no WHERE, no probe", () => {
    const pipes = [
      pipe(table()).transform(aggregate, {
        by: ["g"],
        measures: {
          s: sum(cast(col("k"), "float")),
          m: max(cast(col("x"), "float")),
          n: count(cast(col("k"), "int")),
        },
      }),
      pipe(table()).transform(aggregate, { by: [], measures: { n: count(), s: sum(col("x")) } }),
      pipe(table()).transform(window, {
        partitionBy: ["g"],
        orderBy: ["k"],
        columns: { s: cumulativeSum(cast(col("k"), "float")), p: lag(cast(col("x"), "float")) },
      }),
    ];
    for (const p of pipes) {
      const cte = lastCte(p);
      expect(cte.sql).not.toContain("WHERE");
      expect(cte.failureProbe).toBeUndefined();
    }
  });

  it("a measure or a window function casting a string to a time stamp runs in process", () => {
    const aggregated = pipe(table()).transform(aggregate, {
      by: [],
      measures: { m: max(cast(col("t"), "timestamp")) },
    });
    expect(compileForTest(aggregated, { sourceTypes }).renderedSteps).toBe(0);
    const windowed = pipe(table()).transform(window, {
      partitionBy: [],
      orderBy: ["k"],
      columns: { p: lag(cast(col("t"), "timestamp")) },
    });
    expect(compileForTest(windowed, { sourceTypes }).renderedSteps).toBe(0);
  });
});
