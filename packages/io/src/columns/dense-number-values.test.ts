/**
 * Decoded values (Parquet, Arrow) into a non-nullable number column: arrays of valid numbers are copied whole,
 * and anything else takes the value-by-value path, with the same values and the same issues either way.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { columnKinds } from "../read/schema-columns";
import { createColumnBuilder } from "./column-builders";
import { BatchIssues } from "./invalid-values";

const [intSpec, floatSpec] = columnKinds(z.object({ n: z.int(), x: z.number() }));

function append(kind: "int" | "float", ...batches: ArrayLike<unknown>[]) {
  const builder = createColumnBuilder((kind === "int" ? intSpec : floatSpec) as NonNullable<typeof intSpec>);
  const issues = new BatchIssues(false);
  for (const batch of batches) builder.appendValues(batch, issues, 0);
  return {
    values: Array.from(builder.finish() as Float64Array),
    issues: issues.records.map((r, i) => [r, issues.kinds[i]]),
  };
}

describe("a dense number column from decoded values", () => {
  it("copies integer, float and plain arrays of valid numbers, after what it holds", () => {
    expect(
      append("int", Int32Array.of(1, -2), Uint8Array.of(7), [3, 4], Float64Array.of(5, 6)).values,
    ).toEqual([1, -2, 7, 3, 4, 5, 6]);
    expect(append("float", Float64Array.of(0.5, -1.25), [2.5], Float32Array.of(0.25)).values).toEqual([
      0.5, -1.25, 2.5, 0.25,
    ]);
  });

  it("reports what is not a valid number where it is, the rest kept", () => {
    expect(append("float", Float64Array.of(1, Number.NaN, 3))).toEqual({
      values: [1, 0, 3],
      issues: [[1, 0]],
    });
    expect(append("float", [1, Number.POSITIVE_INFINITY])).toEqual({ values: [1, 0], issues: [[1, 0]] });
    expect(append("int", Float64Array.of(1, 2.5))).toEqual({ values: [1, 0], issues: [[1, 0]] });
    expect(append("int", [1, null, "3"])).toEqual({ values: [1, 0, 3], issues: [[1, 1]] }); // null: missing
  });
});
