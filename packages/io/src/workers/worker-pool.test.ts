import { describe, expect, it } from "vitest";
import { leastBusy } from "./worker-pool";

describe("leastBusy", () => {
  it("picks the worker with the fewest pieces outstanding", () => {
    expect(leastBusy(Int32Array.of(3, 1, 2), 0)).toBe(1);
    expect(leastBusy(Int32Array.of(0, 4), 1)).toBe(0);
  });

  it("among equals takes the first from the start on, so equal workers take turns", () => {
    expect(leastBusy(Int32Array.of(3, 1, 1), 0)).toBe(1);
    expect(leastBusy(Int32Array.of(3, 1, 1), 2)).toBe(2);
    expect(leastBusy(Int32Array.of(2, 2, 2), 1)).toBe(1);
    expect(leastBusy(Int32Array.of(5), 0)).toBe(0);
  });
});
