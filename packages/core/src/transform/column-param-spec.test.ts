import { describe, expect, it } from "vitest";
import { adds, needs, needsEach, removes } from "./column-params";

/** Call a column param as JavaScript may, with an argument its types do not allow. */
const untyped = <F>(fn: F): ((spec: unknown) => unknown) => fn as unknown as (spec: unknown) => unknown;

describe("a column param's argument, from JavaScript", () => {
  it('refuses options without a type (they would name a column "[object Object]")', () => {
    expect(() => untyped(needs)({ default: "x" })).toThrow(
      'needs({"default":"x"}): options need a type, e.g. needs({ type: "int", default: "x" }); ' +
        'for a column of any type, pass its default name alone: needs("x")',
    );
  });

  it("refuses a default that is not a column name, or not a list of them for a list param", () => {
    expect(() => untyped(needs)(3)).toThrow(
      'needs(...): expected a column name (the default, e.g. needs("x")), options with a type, or nothing; got 3',
    );
    expect(() => untyped(adds)({ type: "int", default: 7 })).toThrow(
      'adds(...): the default must be a column name, e.g. default: "x"; got 7',
    );
    expect(() => untyped(needsEach)("a")).toThrow("needsEach(...): expected a list of column names");
    expect(() => untyped(removes)("")).toThrow("removes(...): expected a column name");
  });

  it("takes names, lists and typed options", () => {
    expect(needs("x").defaultValue).toBe("x");
    expect(needsEach(["a", "b"]).defaultValue).toEqual(["a", "b"]);
    expect(needs({ type: "int", default: "id" }).defaultValue).toBe("id");
    expect(needs({ type: "int" }).required).toBe(true);
    expect(adds({ type: "float", default: "y", nullable: true }).nullable).toBe(true);
  });
});
