import { describe, expect, it } from "vitest";
import { sizeInBytes } from "./files-relation";

describe("sizeInBytes", () => {
  it("reads the sizes DuckDB prints its memory limit in", () => {
    expect(sizeInBytes("3.7 GiB")).toBeCloseTo(3.7 * 2 ** 30);
    expect(sizeInBytes("4.0 GB")).toBe(4e9);
    expect(sizeInBytes("512 bytes")).toBe(512);
    expect(sizeInBytes("953.6 MiB")).toBeCloseTo(953.6 * 2 ** 20);
    expect(sizeInBytes("unlimited")).toBeNaN();
  });
});
