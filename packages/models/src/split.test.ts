import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { ModelError } from "./params";
import { trainTestSplit } from "./split";

const numbered = (n: number) => aq.table({ i: Float64Array.from({ length: n }, (_, k) => k) });

describe("trainTestSplit", () => {
  it("puts every row in exactly one part, keeping row order", () => {
    const { training, test } = trainTestSplit(numbered(1000), { testFraction: 0.2, seed: 7 });
    expect(training.numRows() + test.numRows()).toBe(1000);
    const all = [...Array.from(training.array("i")), ...Array.from(test.array("i"))].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1000 }, (_, k) => k));
    const t = Array.from(test.array("i"));
    expect(t).toEqual([...t].sort((a, b) => a - b));
  });

  it("holds out about the given fraction", () => {
    const { test } = trainTestSplit(numbered(20_000), { testFraction: 0.2 });
    expect(test.numRows() / 20_000).toBeGreaterThan(0.18);
    expect(test.numRows() / 20_000).toBeLessThan(0.22);
  });

  it("is the same for the same seed and differs for another", () => {
    const a = trainTestSplit(numbered(500), { testFraction: 0.3, seed: 42 });
    const b = trainTestSplit(numbered(500), { testFraction: 0.3, seed: 42 });
    const c = trainTestSplit(numbered(500), { testFraction: 0.3, seed: 43 });
    expect(Array.from(b.test.array("i"))).toEqual(Array.from(a.test.array("i")));
    expect(Array.from(c.test.array("i"))).not.toEqual(Array.from(a.test.array("i")));
  });

  it("splits the visible rows of a filtered, ordered table", () => {
    const view = numbered(100)
      .filter((d: { i: number }) => d.i % 2 === 0)
      .orderby(aq.desc("i"));
    const { training, test } = trainTestSplit(view, { testFraction: 0.5, seed: 1 });
    expect(training.numRows() + test.numRows()).toBe(50);
    const t = Array.from(training.array("i"));
    expect(t).toEqual([...t].sort((a, b) => b - a));
    expect(t.every((v) => v % 2 === 0)).toBe(true);
  });

  it("rejects a fraction outside (0, 1), naming it", () => {
    expect(() => trainTestSplit(numbered(3), { testFraction: 1 })).toThrow(ModelError);
    expect(() => trainTestSplit(numbered(3), { testFraction: 0 })).toThrow(
      "trainTestSplit: testFraction must be > 0 and < 1, got 0",
    );
  });
});
