/**
 * Decoded values (Parquet, Arrow) into a non-nullable number column: arrays of valid numbers are copied whole
 * (or kept as they are, when the read owns them), and anything else takes the value-by-value path, with the
 * same values and the same issues either way.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod";
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

describe("an owned decoded column (a Parquet chunk the direct decoder wrote)", () => {
  const build = (kind: "int" | "float") =>
    createColumnBuilder((kind === "int" ? intSpec : floatSpec) as NonNullable<typeof intSpec>);

  it("becomes the storage of an empty builder, without a copy", () => {
    const values = Float64Array.of(1.5, -2, 3);
    const builder = build("float");
    builder.appendValues(values, new BatchIssues(true), 0, true);
    expect((builder.finish() as Float64Array).buffer).toBe(values.buffer);
  });

  it("is copied when not owned, when the builder holds values, when it is a view of a larger buffer, or when more rows are expected", () => {
    const notOwned = Float64Array.of(1, 2);
    const first = build("float");
    first.appendValues(notOwned, new BatchIssues(true), 0);
    expect((first.finish() as Float64Array).buffer).not.toBe(notOwned.buffer);
    expect(Array.from(first.finish() as Float64Array)).toEqual([1, 2]);

    const second = build("float");
    const later = Float64Array.of(3, 4);
    second.appendValues(Float64Array.of(1, 2), new BatchIssues(true), 0, true);
    second.appendValues(later, new BatchIssues(true), 0, true);
    expect(Array.from(second.finish() as Float64Array)).toEqual([1, 2, 3, 4]);

    const view = new Float64Array(8).subarray(2, 5);
    const third = build("float");
    third.appendValues(view, new BatchIssues(true), 0, true);
    expect((third.finish() as Float64Array).buffer).not.toBe(view.buffer);

    // told to expect more rows (a whole-file read), it copies into the room it made
    const small = Float64Array.of(1, 2, 3);
    const fourth = build("float");
    fourth.expect(10);
    fourth.appendValues(small, new BatchIssues(true), 0, true);
    expect((fourth.finish() as Float64Array).buffer).not.toBe(small.buffer);
    expect(Array.from(fourth.finish() as Float64Array)).toEqual([1, 2, 3]);
  });

  it("is checked first: an invalid value is reported where it is, as when it is copied", () => {
    const floats = Float64Array.of(1, Number.NaN, 3);
    const issues = new BatchIssues(false);
    const builder = build("float");
    builder.appendValues(floats, issues, 0, true);
    expect((builder.finish() as Float64Array).buffer).not.toBe(floats.buffer);
    expect(Array.from(builder.finish() as Float64Array)).toEqual([1, 0, 3]);
    expect(issues.records).toEqual([1]);

    const ints = build("int");
    const intIssues = new BatchIssues(false);
    ints.appendValues(Float64Array.of(4, 2.5), intIssues, 0, true);
    expect(intIssues.records).toEqual([1]);
  });
});
