import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMissing } from "./is-missing";
import { firstRepeatedKey, repeatedJoinKeyError } from "./repeated-key";
import { sameValue } from "./value-semantics";

/** The first position whose key appears again later, by a nested loop. */
function reference(columns: readonly (readonly unknown[])[]): number {
  const n = columns[0]?.length ?? 0;
  const missing = (p: number) => columns.some((c) => isMissing(c[p]));
  for (let p = 0; p < n; ++p) {
    if (missing(p)) continue;
    for (let q = p + 1; q < n; ++q) if (columns.every((c) => sameValue(c[p], c[q]))) return p;
  }
  return -1;
}

const cell = fc.constantFrom(
  null,
  undefined,
  Number.NaN,
  0,
  -0,
  1,
  1.5,
  "1",
  "",
  "a",
  true,
  false,
  1n,
  new Date(0),
  new Date(Number.NaN),
);

describe("firstRepeatedKey", () => {
  it("names the first position whose key appears again later; missing keys never count", () => {
    expect(firstRepeatedKey([[7, 2, 5, 2, 5]])).toBe(1);
    expect(firstRepeatedKey([[null, null, Number.NaN, Number.NaN, 1, "1"]])).toBe(-1);
    expect(firstRepeatedKey([[3, 0, -0]])).toBe(1);
    expect(firstRepeatedKey([[new Date(5), new Date(5)]])).toBe(0);
    expect(firstRepeatedKey([Float64Array.of(9, 4, 9)], Uint32Array.of(1, 2, 0))).toBe(1);
    expect(
      firstRepeatedKey([
        ["x", "x", "y", "x"],
        [1, 2, 1, 1],
      ]),
    ).toBe(0);
    expect(
      firstRepeatedKey([
        ["x", "x", "y", "x"],
        [1, 2, 1, 3],
      ]),
    ).toBe(-1);
  });

  it("agrees with a nested loop on random cells", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.array(fc.tuple(cell, cell), { maxLength: 12 }),
        (k, rows) => {
          const columns = [rows.map((r) => r[0]), rows.map((r) => r[1])].slice(0, k);
          expect(firstRepeatedKey(columns)).toBe(reference(columns));
        },
      ),
    );
  });

  it("has the in-process join's message", () => {
    expect(repeatedJoinKeyError("many-to-one", ["a", "b"], ["x", 2], "right").message).toBe(
      'join: validate "many-to-one": the key (a = "x", b = 2) appears more than once in the right table',
    );
  });
});
