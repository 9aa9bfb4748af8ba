import { describe, expect, it } from "vitest";
import { withoutNegativeZeros } from "./negative-zeros";

/** The values, `-0` told from `0`. */
const signed = (values: ArrayLike<unknown>): unknown[] =>
  Array.from(values, (v) => (Object.is(v, -0) ? "-0" : v));

describe("withoutNegativeZeros", () => {
  it("copies only values that hold a -0, keeping their kind", () => {
    const clean = Float64Array.of(0, 1.5, -2);
    expect(withoutNegativeZeros(clean)).toBe(clean);
    const floats = Float64Array.of(1, -0, 0, -0);
    const cleared = withoutNegativeZeros(floats);
    expect(cleared).toBeInstanceOf(Float64Array);
    expect(Array.from(cleared, (v) => Object.is(v, -0))).toEqual([false, false, false, false]);
    expect(Object.is(floats[1], -0)).toBe(true); // the input is left as it was
    expect(signed(withoutNegativeZeros(Float32Array.of(-0, 2)))).toEqual([0, 2]);
    const mixed = [null, -0, "a", Number.NaN, -0.5];
    expect(signed(withoutNegativeZeros(mixed))).toEqual([null, 0, "a", Number.NaN, -0.5]);
    // a view from an offset: the -0 before it is not its own, the one in it is found at its own index
    const view = Float64Array.of(-0, 1, -0, 2).subarray(1);
    expect(Array.from(withoutNegativeZeros(view), (v) => Object.is(v, -0))).toEqual([false, false, false]);
    expect(withoutNegativeZeros(Float64Array.of(-0, 1, 2).subarray(1))).toEqual(Float64Array.of(1, 2));
    const ints = Int32Array.of(0, 1);
    expect(withoutNegativeZeros(ints)).toBe(ints);
  });
});
