import { pipe } from "@tablepipe/core";
import { pivot } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { compileForTest } from "../test-support/compile-for-test";

const long = aq.table({ site: ["a"], month: ["jan"], amount: [1.5], note: ["x"] });
const types = { sourceTypes: { site: "string", month: "string", amount: "float", note: "string" } } as const;
const byMonth = { by: ["site"], namesFrom: "month", valuesFrom: "amount", names: ["jan", "feb"] } as const;

describe("pivot's rendering", () => {
  it("groups by the by columns, a measure of a CASE per name; first takes the name's rows with FILTER", () => {
    const sum = compileForTest(pipe(long).transform(pivot, { ...byMonth, aggregate: "max" }), types);
    expect(sum.renderedSteps).toBe(1);
    const sql = sum.ctes.at(-1)?.sql ?? "";
    // a float's max gives a zero as 0 (+ 0.0)
    expect(sql).toContain(`(max((CASE WHEN ("month" = 'jan') THEN "amount" ELSE NULL END)) + 0.0) AS "jan"`);
    expect(sql).toContain(`GROUP BY "site"`);
    const first = compileForTest(pipe(long).transform(pivot, { ...byMonth, aggregate: "first" }), types);
    expect(first.ctes.at(-1)?.sql).toContain(`FILTER (WHERE ("month" = 'feb')) AS "feb"`);
  });

  it("raises an error on an undeclared name, with a probe naming its row; leaves such rows out when asked", () => {
    const checked = compileForTest(pipe(long).transform(pivot, { ...byMonth, aggregate: "sum" }), types);
    expect(checked.ctes.at(-1)?.sql).toContain("error(");
    const ignored = pipe(long).transform(pivot, { ...byMonth, aggregate: "sum", ignoreUndeclared: true });
    const sql = compileForTest(ignored, types).ctes.at(-1)?.sql ?? "";
    expect(sql).not.toContain("error(");
    expect(sql).toContain(`WHERE ("month" IN ('jan', 'feb'))`);
  });

  it("declines when the names column is not known to be strings, or a sum is of strings", () => {
    const p = pipe(long).transform(pivot, { ...byMonth, aggregate: "sum" });
    expect(compileForTest(p, { sourceTypes: { amount: "float" } }).renderedSteps).toBe(0);
    const strings = pipe(long).transform(pivot, { ...byMonth, valuesFrom: "note", aggregate: "sum" });
    expect(compileForTest(strings, types).renderedSteps).toBe(0);
  });
});
