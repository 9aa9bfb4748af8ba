import "@tablepipe/testing/vitest";
import { TransformParamError } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { firstNPerGroup } from "./first-n-per-group";

describe("firstNPerGroup", () => {
  const table = aq.table({
    g: ["a", "b", "a", "a", "b", "a"],
    t: Float64Array.from([4, 2, 1, 3, 1, 2]),
    id: [0, 1, 2, 3, 4, 5],
  });

  it("keeps the first n rows per group by the order columns, in input order", () => {
    const out = firstNPerGroup(table, { keys: ["g"], orderBy: ["t"], n: 2 });
    expect(out.array("id")).toEqual([1, 2, 4, 5]);
    expect(out.column("t")).toBeInstanceOf(Float64Array);
  });

  it("keeps small groups whole and works with several keys or none", () => {
    expect(firstNPerGroup(table, { keys: ["g"], orderBy: ["t"], n: 10 }).numRows()).toBe(6);
    expect(firstNPerGroup(table, { keys: [], orderBy: ["t"], n: 2 }).array("id")).toEqual([2, 4]);
    expect(firstNPerGroup(table, { keys: ["g", "t"], orderBy: ["id"], n: 1 }).numRows()).toBe(6);
  });

  it("breaks ties by every remaining column ascending, whatever the input order", () => {
    const tied = aq.table({
      g: [1, 1, 1, 1],
      t: [5, 5, 5, 5],
      fare: [9, 3, 3, 7],
      flag: ["N", "Y", "N", "N"],
    });
    const first = firstNPerGroup(tied, { keys: ["g"], orderBy: ["t"], n: 2 });
    expect(first.objects()).toEqual([
      { g: 1, t: 5, fare: 3, flag: "Y" },
      { g: 1, t: 5, fare: 3, flag: "N" },
    ]);
    const reversed = tied.reify(Array.from({ length: 4 }, (_, i) => 3 - i));
    const second = firstNPerGroup(reversed, { keys: ["g"], orderBy: ["t"], n: 1 });
    expect(second.objects()).toEqual([{ g: 1, t: 5, fare: 3, flag: "N" }]);
  });

  it("puts the missing keys (null, undefined, NaN) in one group of their own, missing order values first", () => {
    const withNulls = aq.table({
      g: [null, "a", undefined, "a", Number.NaN],
      t: [3, null, 1, 2, 2],
    });
    const out = firstNPerGroup(withNulls, { keys: ["g"], orderBy: ["t"], n: 1 });
    expect(out.objects()).toEqual([
      { g: "a", t: null },
      { g: undefined, t: 1 },
    ]);
  });

  it("validates n and handles an empty table", () => {
    expect(() => firstNPerGroup(table, { keys: ["g"], orderBy: ["t"], n: 0 })).toThrow(TransformParamError);
    expect(() => firstNPerGroup(table, { keys: ["g"], orderBy: ["t"], n: 1.5 })).toThrow(TransformParamError);
    const empty = table.filter(() => false);
    expect(firstNPerGroup(empty, { keys: ["g"], orderBy: ["t"], n: 3 })).toEqualTable(empty.reify());
  });

  it("has no default keys, order or n: each left out is an error naming it", () => {
    expect(() => firstNPerGroup(table, { orderBy: ["t"], n: 1 } as never)).toThrow(
      'firstNPerGroup: param "keys": required (it has no default), but not given; expected a list of column names',
    );
    expect(() => firstNPerGroup(table, { keys: ["g"], n: 1 } as never)).toThrow(
      /^firstNPerGroup: param "orderBy": required/,
    );
    expect(() => firstNPerGroup(table, { keys: ["g"], orderBy: ["t"] } as never)).toThrow(
      /^firstNPerGroup: param "n": required/,
    );
  });
});
