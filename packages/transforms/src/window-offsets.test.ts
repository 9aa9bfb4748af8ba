import { col, pipe, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { window } from "./window";
import { lag, lead, type WindowFunction } from "./window-functions";

const readings = typedTable(aq.table({ k: ["a", "a", "a"], i: [1, 2, 3], v: [10, 20, 30] }), {
  k: { type: "string", nullable: false },
  i: { type: "int", nullable: false },
  v: { type: "float", nullable: false },
});

const LAG_RULE = "expected a whole number >= 0 and <= 2147483647, the rows back (lead(...) for rows ahead)";
const LEAD_RULE = "expected a whole number >= 0 and <= 2147483647, the rows ahead (lag(...) for rows back)";

/** A `lag`/`lead` node as JavaScript or a config could build it, past the builders' own check. */
function node(fn: "lag" | "lead", offset: unknown): WindowFunction {
  return { fn, of: { kind: "column", name: "v" }, offset } as unknown as WindowFunction;
}

describe("lag and lead offsets", () => {
  it("refuses a negative, fractional, NaN or too large offset where lag or lead is called, naming it", () => {
    expect(() => lag(col("v"), -1)).toThrow(`lag(col("v"), -1): offset: ${LAG_RULE}; got -1`);
    expect(() => lag(col("v"), 1.5)).toThrow(`lag(col("v"), 1.5): offset: ${LAG_RULE}; got 1.5`);
    expect(() => lag(col("v"), Number.NaN)).toThrow(`lag(col("v"), NaN): offset: ${LAG_RULE}; got NaN`);
    expect(() => lead(col("v"), 3_000_000_000)).toThrow(
      `lead(col("v"), 3000000000): offset: ${LEAD_RULE}; got 3000000000`,
    );
    expect(() => lead(col("v"), -2)).toThrow(RangeError);
  });

  it("takes 0 (the row itself) and 2^31 - 1, as every engine does", () => {
    const out = pipe(readings)
      .transform(window, {
        partitionBy: ["k"],
        orderBy: ["i"],
        columns: { same: lag(col("v"), 0), ahead: lead(col("v"), 0), far: lag(col("v"), 2 ** 31 - 1) },
      })
      .value();
    expect(out.array("same")).toEqual([10, 20, 30]);
    expect(out.array("ahead")).toEqual([10, 20, 30]);
    expect(out.array("far")).toEqual([null, null, null]);
  });

  it("names the offset param, its rule and the value in the param check, for a node built by hand", () => {
    const run = (prev: WindowFunction) =>
      pipe(readings)
        .transform(window, { partitionBy: ["k"], orderBy: ["i"], columns: { prev } })
        .value();
    expect(() => run(node("lag", -1))).toThrow(
      `window(k, i): param "columns.prev.offset": ${LAG_RULE}; got -1`,
    );
    expect(() => run(node("lag", Number.NaN))).toThrow(`param "columns.prev.offset": ${LAG_RULE}; got NaN`);
    expect(() => run(node("lead", 2 ** 31))).toThrow(
      `param "columns.prev.offset": ${LEAD_RULE}; got 2147483648`,
    );
    expect(() => run(node("lead", "1"))).toThrow(`param "columns.prev.offset": ${LEAD_RULE}; got "1"`);
  });
});
