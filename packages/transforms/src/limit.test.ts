import { pipe, TransformParamError } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { limit } from "./limit";

describe("limit", () => {
  it("keeps the first n rows in input order, all of them when there are fewer, none for 0", () => {
    const t = aq.table({ id: [3, 1, 2, 5], s: ["c", "a", "b", null] });
    expect(limit(t, { n: 2 }).objects()).toEqual([
      { id: 3, s: "c" },
      { id: 1, s: "a" },
    ]);
    expect(limit(t, { n: 10 }).numRows()).toBe(4);
    expect(limit(t, { n: 0 }).numRows()).toBe(0);
    expect(limit(t, { n: 0 }).columnNames()).toEqual(["id", "s"]);
  });

  it("takes a filtered and ordered table's first visible rows, and counts them in the trace", () => {
    const view = aq
      .table({ id: [3, 1, 2, 5, 4] })
      .filter((d: { id: number }) => d.id !== 2)
      .orderby("id");
    expect(limit(view, { n: 3 }).array("id")).toEqual([1, 3, 4]);
    const result = pipe(aq.table({ id: [1, 2, 3] }))
      .transform(limit, { n: 2 })
      .run();
    expect(result.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual([["limit", 3, 2]]);
  });

  it("is the first n of the rows, whatever n", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.nat(30), (values, n) => {
        expect(Array.from(limit(aq.table({ v: values }), { n }).array("v") as ArrayLike<number>)).toEqual(
          values.slice(0, n),
        );
      }),
    );
  });

  it("refuses n that is not a whole number of rows, naming the param", () => {
    const t = aq.table({ id: [1] });
    expect(() => limit(t, { n: -1 })).toThrow(TransformParamError);
    expect(() => limit(t, { n: 1.5 })).toThrow(/n/);
  });
});
