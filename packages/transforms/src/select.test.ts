import { pipe } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { select } from "./select";

describe("select", () => {
  it("keeps only the listed columns, in the listed order, and says so in its contract", () => {
    const t = aq.table({ a: [1], b: [2], c: [3] });
    expect(select(t, { columns: ["c", "a", "c"] }).columnNames()).toEqual(["c", "a"]);
    expect(
      pipe(t)
        .transform(select, { columns: ["b"] })
        .check(),
    ).toEqual(["b"]);
    expect(() => select(t, { columns: ["d"] })).toThrow('select: missing column "d"; available: a, b, c');
  });
});
