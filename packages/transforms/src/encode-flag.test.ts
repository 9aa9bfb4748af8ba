import { tripRows } from "@tablepipe/testing";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { encodeFlag } from "./encode-flag";

const isN = { column: "store_and_fwd_flag", value: "N", output: "store_and_fwd_flag_is_N" } as const;

describe("encodeFlag", () => {
  it("sets store_and_fwd_flag_is_N to 1 for 'N' and 0 otherwise, keeping the flag column", () => {
    const trips = tripRows.tuples(["store_and_fwd_flag"], [["N"], ["Y"], ["n"], [" N"], [""]]);
    const out = encodeFlag(trips, isN);
    expect(Array.from(out.array("store_and_fwd_flag_is_N"))).toEqual([1, 0, 0, 0, 0]);
    expect(out.array("store_and_fwd_flag")).toEqual(["N", "Y", "n", " N", ""]);
    expect(out.column("store_and_fwd_flag_is_N")).toBeInstanceOf(Int32Array);
  });

  it("encodes null and undefined as 0", () => {
    const table = aq.table({ store_and_fwd_flag: [null, undefined, "N"] });
    expect(Array.from(encodeFlag(table, isN).array("store_and_fwd_flag_is_N"))).toEqual([0, 0, 1]);
  });

  it("encodes any column and value by equality of value (1 is not '1')", () => {
    const table = aq.table({ payment_type: [1, "1", 2, null] });
    const out = encodeFlag(table, { column: "payment_type", value: 1, output: "paid_by_card" });
    expect(Array.from(out.array("paid_by_card"))).toEqual([1, 0, 0, 0]);
  });

  it("handles an empty table", () => {
    expect(encodeFlag(tripRows.empty(), isN).columnNames()).toContain("store_and_fwd_flag_is_N");
  });

  it("has no default column, output or value: each left out is an error naming it", () => {
    const trips = tripRows.empty();
    expect(() => encodeFlag(trips, { output: "o", value: "N" } as never)).toThrow(
      'encodeFlag: param "column": required (it has no default), but not given; expected a column name',
    );
    expect(() => encodeFlag(trips, { column: "store_and_fwd_flag", value: "N" } as never)).toThrow(
      /^encodeFlag: param "output": required/,
    );
    expect(() => encodeFlag(trips, { column: "store_and_fwd_flag", output: "o" } as never)).toThrow(
      /^encodeFlag: param "value": required/,
    );
  });
});
