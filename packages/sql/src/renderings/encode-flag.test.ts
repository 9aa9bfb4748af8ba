import { pipe } from "@tablepipe/core";
import { encodeFlag } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { compileForTest } from "../test-support/compile-for-test";

const stamps = aq.table({ t: [Date.UTC(2018, 0, 1)] });

describe("encodeFlag's rendering", () => {
  it("declines when the column's type is unknown: whether a value of another kind matches depends on it", () => {
    const p = pipe(stamps).transform(encodeFlag, { column: "t", output: "f", value: "2018-01-01" });
    expect(compileForTest(p).renderedSteps).toBe(0);
    expect(compileForTest(p, { sourceTypes: { t: "timestamp" } }).renderedSteps).toBe(1);
  });

  it("is a constant 0 when no cell of the column's type is of the value's kind, in every dialect", () => {
    for (const dialect of ["duckdb", "spark"] as const) {
      const p = pipe(stamps).transform(encodeFlag, { column: "t", output: "f", value: "2018-01-01" });
      const sql = compileForTest(p, { dialect, sourceTypes: { t: "timestamp" } }).ctes.at(-1)?.sql;
      expect(sql).toContain("CAST(0 AS INTEGER)");
      expect(sql).not.toContain("2018-01-01");
    }
  });

  it("compares a time stamp's epoch milliseconds with a number", () => {
    const p = pipe(stamps).transform(encodeFlag, { column: "t", output: "f", value: Date.UTC(2018, 0, 1) });
    const sql = compileForTest(p, { sourceTypes: { t: "timestamp" } }).ctes.at(-1)?.sql;
    expect(sql).toContain(`epoch_us("t")`);
  });
});
