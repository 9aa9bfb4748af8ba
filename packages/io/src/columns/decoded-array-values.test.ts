/**
 * Decoded values (Parquet, Arrow) into the columns held as plain arrays (nullable numbers and time stamps,
 * booleans, strings) and into dense time-stamp columns: the values, the nulls and the issues, and where a
 * batch stops at its first invalid value.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { columnKinds } from "../read/schema-columns";
import { createColumnBuilder } from "./column-builders";
import { BatchIssues } from "./invalid-values";

const specs = columnKinds(
  z.object({
    n: z.int().nullable(),
    flag: z.boolean().nullable(),
    text: z.string().nullable(),
    at: z.date().nullable(),
    when: z.date(),
  }),
);

function builderOf(name: string) {
  const spec = specs.find((s) => s.name === name);
  if (spec === undefined) throw new Error(`no column ${name}`);
  return createColumnBuilder(spec);
}

describe("plain-array columns from decoded values", () => {
  it("append each batch after the values held, nulls as nulls", () => {
    const n = builderOf("n");
    n.appendValues([1, null], new BatchIssues(true), 0);
    n.appendValues(Int32Array.of(3, 4), new BatchIssues(true), 0);
    n.appendAbsent(2);
    expect(Array.from(n.finish())).toEqual([1, null, 3, 4, null, null]);

    const flag = builderOf("flag");
    flag.appendValues([true, null, 0, "yes"], new BatchIssues(true), 0);
    expect(Array.from(flag.finish())).toEqual([true, null, false, true]);

    const text = builderOf("text");
    text.appendValues(["a", undefined, 7], new BatchIssues(true), 0);
    expect(Array.from(text.finish())).toEqual(["a", null, "7"]);

    const at = builderOf("at");
    at.appendEpochMillis(Float64Array.of(1000.7, -1), new BatchIssues(true), 0);
    at.appendEpochMillis([null, 5], new BatchIssues(true), 0);
    expect(Array.from(at.finish())).toEqual([1000, -1, null, 5]);
  });

  it("stop at the first invalid value in error mode, holding only the values before it", () => {
    const cases: [string, unknown[]][] = [
      ["n", [1, 2, 1.5, 4]],
      ["flag", [true, false, "maybe", true]],
      ["text", ["a", "b", {}, "d"]],
      ["at", [0, 1, Number.NaN, 3]],
    ];
    for (const [name, values] of cases) {
      const builder = builderOf(name);
      const issues = new BatchIssues(true);
      if (name === "at") builder.appendEpochMillis(values, issues, 0);
      else builder.appendValues(values, issues, 0);
      expect(issues.records, name).toEqual([2]);
      expect(builder.length, name).toBe(2);
      expect(builder.finish().length, name).toBe(2);
    }
  });

  it("keep every row in drop mode, each invalid one reported", () => {
    const builder = builderOf("n");
    const issues = new BatchIssues(false);
    builder.appendValues([1, "x", 3, 2.5], issues, 0);
    expect(builder.length).toBe(4);
    expect(issues.records).toEqual([1, 3]);
  });
});

describe("a dense time-stamp column from decoded epoch milliseconds", () => {
  it("keeps an owned array of whole milliseconds as its storage, and copies one it does not own", () => {
    const owned = Float64Array.of(Date.UTC(2018, 0, 1), Date.UTC(1969, 11, 31, 23, 59, 59, 999));
    const first = builderOf("when");
    first.appendEpochMillis(owned, new BatchIssues(true), 0, true);
    expect((first.finish() as Float64Array).buffer).toBe(owned.buffer);

    const lent = Float64Array.of(5, 6);
    const second = builderOf("when");
    second.appendEpochMillis(Float64Array.of(1, 2), new BatchIssues(true), 0, true);
    second.appendEpochMillis(lent, new BatchIssues(true), 0);
    expect((second.finish() as Float64Array).buffer).not.toBe(lent.buffer);
    expect(Array.from(second.finish() as Float64Array)).toEqual([1, 2, 5, 6]);
  });

  it("drops a fraction of a millisecond, turns -0 into 0 and reports a value out of range, as value by value", () => {
    const issues = new BatchIssues(false);
    const builder = builderOf("when");
    const values = Float64Array.of(10.9, -0, 8.64e15 + 1, -20.5);
    builder.appendEpochMillis(values, issues, 0, true);
    const out = builder.finish() as Float64Array;
    expect(out.buffer).not.toBe(values.buffer);
    expect(Object.is(out[1], 0)).toBe(true);
    expect([out[0], out[3]]).toEqual([10, -21]);
    expect(issues.records).toEqual([2]);

    const whole = builderOf("when");
    whole.appendEpochMillis(Float64Array.of(5, -0), new BatchIssues(true), 0, true);
    expect(Object.is((whole.finish() as Float64Array)[1], 0)).toBe(true);
  });
});
