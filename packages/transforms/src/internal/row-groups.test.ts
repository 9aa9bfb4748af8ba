import { describe, expect, it } from "vitest";
import { firstNByGroup } from "./first-n";
import { groupRows } from "./row-groups";

const identity = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

describe("groupRows", () => {
  it("numbers groups by first appearance across many distinct keys (hash table growth and probing)", () => {
    const n = 5000;
    const a = Array.from({ length: n }, (_, i) => i % 1250);
    const b = Float64Array.from({ length: n }, (_, i) => (i % 1250) / 7);
    const groups = groupRows([a, b], identity(n));
    expect(groups.groupCount).toBe(1250);
    expect([...groups.firstPosition]).toEqual(Array.from({ length: 1250 }, (_, i) => i));
    expect(groups.groupOf[1250 + 17]).toBe(17);
  });

  it("makes one group of everything when there are no key columns", () => {
    const groups = groupRows([], identity(4));
    expect(groups.groupCount).toBe(1);
    expect([...groups.groupOf]).toEqual([0, 0, 0, 0]);
  });

  it("reads keys through the row numbers it is given", () => {
    const groups = groupRows([["x", "y", "x"]], Uint32Array.from([2, 0, 1]));
    expect([...groups.groupOf]).toEqual([0, 0, 1]);
  });
});

describe("firstNByGroup", () => {
  it("keeps the n smallest per group under the comparator", () => {
    const keys = ["a", "a", "a", "a", "b", "a"];
    const order = [5, 1, 4, 2, 9, 3];
    const groups = groupRows([keys], identity(keys.length));
    const keep = firstNByGroup(groups, 2, (x, y) => order[x]! - order[y]! || x - y);
    expect([...keep]).toEqual([0, 1, 0, 1, 1, 0]);
  });
});
