import { describe, expect, it } from "vitest";
import { distinguishingColumns } from "./distinguishing-columns";
import { groupRows } from "./row-groups";

const identity = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

describe("distinguishingColumns", () => {
  it("picks the columns with the most distinct values, as many as tell the sample apart, plus one", () => {
    const n = 20_000;
    const constant = new Float64Array(n).fill(1);
    const unique = Float64Array.from({ length: n }, (_, i) => i);
    const tenth = Float64Array.from({ length: n }, (_, i) => i % 10);
    const chosen = distinguishingColumns([constant, tenth, unique], identity(n));
    expect(chosen).toEqual([unique, tenth]);
  });

  it("keeps every column of a narrow or small table", () => {
    const a = [1, 2];
    const b = [3, 4];
    expect(distinguishingColumns([a, b], identity(2))).toEqual([a, b]);
    expect(distinguishingColumns([a, b, a], identity(2))).toEqual([a, b, a]);
  });
});

describe("groupRows with hashKeys", () => {
  it("groups by every key column even when the hashed ones tell nothing apart (falls back to all)", () => {
    const n = 30_000;
    const same = new Float64Array(n); // all 0: every row hashes alike
    const key = Float64Array.from({ length: n }, (_, i) => i % 1000);
    const hashedOnSame = groupRows([same, key], identity(n), { hashKeys: [same] });
    const plain = groupRows([same, key], identity(n));
    expect(hashedOnSame.groupCount).toBe(1000);
    expect([...hashedOnSame.groupOf]).toEqual([...plain.groupOf]);
    expect([...hashedOnSame.firstPosition]).toEqual([...plain.firstPosition]);
  });

  it("gives the same groups hashing a subset that does tell rows apart", () => {
    const n = 10_000;
    const a = Float64Array.from({ length: n }, (_, i) => i % 2500);
    const b = Array.from({ length: n }, (_, i) => ((i % 2500) % 3 === 0 ? null : `s${i % 2500}`));
    const subset = groupRows([a, b], identity(n), { hashKeys: [a] });
    const all = groupRows([a, b], identity(n));
    expect(subset.groupCount).toBe(2500);
    expect([...subset.groupOf]).toEqual([...all.groupOf]);
  });
});
