import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { foldContracts } from "../pipe/plan";
import { schemaOf } from "../schema/registry";
import { adds, needs, needsEach, removes } from "./column-params";
import { columnsAfter } from "./contract";
import { defineTransform } from "./define-transform";
import { ContractViolationError, MissingColumnsError, TransformParamError } from "./errors";
import { tableParam } from "./table-param";

const keepAbove = defineTransform({
  name: "keepAbove",
  columns: { column: needs("fare") },
  params: z.object({ min: z.number().nonnegative().default(0) }),
  apply: (table, { column, min }) => table.filter(aq.escape((d: Record<string, number>) => d[column]! > min)),
});

const trips = () => aq.table({ fare: [1, 5, 10], tip: [0, 1, 2] });

describe("defineTransform", () => {
  it("is a plain function (table, params) => table with defaults applied", () => {
    expect(keepAbove(trips()).numRows()).toBe(3);
    expect(keepAbove(trips(), { min: 4 }).array("fare")).toEqual([5, 10]);
    expect(keepAbove(trips(), { column: "tip", min: 0.5 }).array("tip")).toEqual([1, 2]);
  });

  it("carries its name, contract and params schema", () => {
    expect(keepAbove.name).toBe("keepAbove");
    expect(keepAbove.transformName).toBe("keepAbove");
    expect(keepAbove.contract(keepAbove.resolveParams({ column: "tip" }))).toEqual({
      needs: ["tip"],
      adds: [],
      removes: [],
    });
    expect(Object.keys(keepAbove.paramsSchema.shape)).toEqual(["column", "min"]);
  });

  it("never mutates its input", () => {
    const input = trips();
    const before = input.objects();
    keepAbove(input, { min: 4 });
    expect(input.objects()).toEqual(before);
    expect(input.numRows()).toBe(3);
  });

  it("names the transform, the param, the expectation and the value on a bad param", () => {
    expect(() => keepAbove(trips(), { min: -1 })).toThrow(TransformParamError);
    expect(() => keepAbove(trips(), { min: -1 })).toThrow(/^keepAbove: param "min": .*>=0.*; got -1$/);
    expect(() => keepAbove(trips(), { min: "3" as never })).toThrow(
      /keepAbove: param "min": .*expected number.*; got "3"/,
    );
    expect(() => keepAbove(trips(), { column: "" })).toThrow(
      /param "column": expected a non-empty column name/,
    );
  });

  it("rejects unknown params, listing the known ones", () => {
    expect(() => keepAbove(trips(), { mn: 3 } as never)).toThrow(
      'keepAbove: param "mn": unknown param (known params: column, min)',
    );
    expect(() => keepAbove(trips(), 3 as never)).toThrow("keepAbove: params must be an object, got 3");
  });

  it("names the missing columns and the columns present when the table lacks a needed column", () => {
    const run = () => keepAbove(aq.table({ tip: [1] }));
    expect(run).toThrow(MissingColumnsError);
    expect(run).toThrow('keepAbove: missing column "fare"; available: tip');
  });

  it("rejects something that is not a table", () => {
    expect(() => keepAbove([] as never)).toThrow(/keepAbove: expected an arquero table/);
  });

  it("resolves list, adds and removes column params into the contract", () => {
    const pick = defineTransform({
      name: "pick",
      columns: { keys: needsEach(["a", "b"]), output: adds("c"), drop: removes("a") },
      apply: (table, { output, drop }) => table.derive({ [output]: () => 1 }).select(aq.not(drop)),
    });
    const out = pick(aq.table({ a: [1], b: [2] }));
    expect(out.columnNames()).toEqual(["b", "c"]);
    expect(pick.contract(pick.resolveParams({ keys: ["b"] }))).toEqual({
      needs: ["b"],
      adds: ["c"],
      removes: ["a"],
    });
  });

  it("catches an implementation that breaks its own contract", () => {
    const liar = defineTransform({ name: "liar", columns: { output: adds("x") }, apply: (table) => table });
    expect(() => liar(aq.table({ a: [1] }))).toThrow(ContractViolationError);
    expect(() => liar(aq.table({ a: [1] }))).toThrow(
      "liar: the implementation broke its column contract: did not add x",
    );
    const notATable = defineTransform({ name: "broken", apply: () => 3 as never });
    expect(() => notATable(aq.table({ a: [1] }))).toThrow(
      "broken: the implementation returned something that is not a table",
    );
  });

  it("takes a table as a param, describing it by size in errors", () => {
    const lookup = defineTransform({
      name: "lookup",
      params: z.object({ zones: tableParam(), limit: z.int().max(3) }),
      apply: (table) => table,
    });
    expect(lookup(trips(), { zones: aq.table({ id: [1] }), limit: 1 }).numRows()).toBe(3);
    expect(() => lookup(trips(), { zones: [1] as never, limit: 1 })).toThrow(
      'lookup: param "zones": expected an arquero table; got [1]',
    );
    expect(() => lookup(trips(), { zones: aq.table({ id: [1] }), limit: 5 })).toThrow(/param "limit".*got 5/);
  });
});

describe("required column params (no default name)", () => {
  const keepFirstPerKey = defineTransform({
    name: "keepFirstPerKey",
    columns: { key: needs(), orderBy: needsEach(), flag: adds(), scratch: removes() },
    params: z.object({ n: z.int().min(1) }),
    apply: (table, { flag, scratch }) => table.derive({ [flag]: () => 1 }).select(aq.not(scratch)),
  });
  const table = () => aq.table({ id: [1, 2], at: [3, 4], tmp: [0, 0] });
  const all = { key: "id", orderBy: ["at"], flag: "first", scratch: "tmp", n: 1 };

  it("runs with the names the caller gives, and puts them in the contract", () => {
    expect(keepFirstPerKey(table(), all).columnNames()).toEqual(["id", "at", "first"]);
    expect(keepFirstPerKey.contract(keepFirstPerKey.resolveParams(all))).toEqual({
      needs: ["id", "at"],
      adds: ["first"],
      removes: ["tmp"],
    });
    expect(keepFirstPerKey.columnParams.key).toMatchObject({ role: "needs", required: true, list: false });
    expect(keepFirstPerKey.columnParams.orderBy).toMatchObject({ role: "needs", required: true, list: true });
  });

  it("names the step and the param left out, and what it takes", () => {
    const without = (param: keyof typeof all) => () =>
      keepFirstPerKey(table(), Object.fromEntries(Object.entries(all).filter(([k]) => k !== param)) as never);
    expect(without("key")).toThrow(TransformParamError);
    expect(without("key")).toThrow(
      'keepFirstPerKey: param "key": required (it has no default), but not given; expected a column name',
    );
    expect(without("orderBy")).toThrow(
      'keepFirstPerKey: param "orderBy": required (it has no default), but not given; expected a list of column names',
    );
    expect(without("flag")).toThrow(/^keepFirstPerKey: param "flag": required/);
    expect(without("scratch")).toThrow(/^keepFirstPerKey: param "scratch": required/);
    expect(without("n")).toThrow(
      'keepFirstPerKey: param "n": required (it has no default), but not given; expected a number',
    );
    // @ts-expect-error left out at compile time too
    expect(() => keepFirstPerKey(table())).toThrow(/^keepFirstPerKey: param "key": required/);
  });

  it("writes an before a vowel in what a missing param expects", () => {
    const nested = defineTransform({
      name: "nested",
      params: z.object({ options: z.object({ a: z.int() }), ids: z.array(z.int()) }),
      apply: (table) => table,
    });
    expect(() => nested(aq.table({ a: [1] }), { ids: [1] } as never)).toThrow(
      'nested: param "options": required (it has no default), but not given; expected an object',
    );
    expect(() => nested(aq.table({ a: [1] }), { options: { a: 1 } } as never)).toThrow(
      "but not given; expected an array",
    );
  });

  it("still rejects a wrong value for a required column param", () => {
    expect(() => keepFirstPerKey(table(), { ...all, key: 3 as never })).toThrow(
      'keepFirstPerKey: param "key": expected a column name; got 3',
    );
  });
});

describe("params refinements", () => {
  const window = defineTransform({
    name: "window",
    params: z
      .object({ from: z.number().default(0), to: z.number().default(10) })
      .refine((p) => p.from <= p.to, { message: "from must not be after to" }),
    apply: (table) => table,
  });

  it("applies the params schema's own refinements", () => {
    expect(window(aq.table({ a: [1] }), { from: 2, to: 5 }).numRows()).toBe(1);
    expect(() => window(aq.table({ a: [1] }), { from: 6, to: 5 })).toThrow(
      "window: from must not be after to",
    );
  });
});

describe("a contract that keeps only some columns", () => {
  const keepOnly = defineTransform({
    name: "keepOnly",
    columns: { columns: needsEach() },
    contract: ({ columns }) => ({ keepsOnly: columns }),
    apply: (table, { columns }) => table.select(columns),
  });

  it("resolves to exactly those columns, and catches an implementation that keeps others", () => {
    expect(keepOnly(aq.table({ a: [1], b: [2], c: [3] }), { columns: ["c", "a"] }).columnNames()).toEqual([
      "c",
      "a",
    ]);
    const contract = keepOnly.contract(keepOnly.resolveParams({ columns: ["c"] }));
    expect(contract.keepsOnly).toEqual(["c"]);
    expect(columnsAfter(["a", "b", "c"], contract)).toEqual(["c"]);
    const sloppy = defineTransform({
      name: "sloppy",
      contract: () => ({ keepsOnly: ["a"] }),
      apply: (table) => table,
    });
    expect(() => sloppy(aq.table({ a: [1], b: [2] }))).toThrow(
      "sloppy: the implementation broke its column contract: did not remove b",
    );
  });

  it("puts a column a contract renames in its old one's place, in the columns and the declared schema", () => {
    const upper = defineTransform({
      name: "upper",
      contract: () => ({ needs: ["a"], removes: ["a"], adds: ["A", "n"], renames: { a: "A" } }),
      apply: (table) => table.rename({ a: "A" }).derive({ n: () => 1 }),
    });
    const contract = upper.contract(upper.resolveParams({}));
    expect(columnsAfter(["b", "a", "c"], contract)).toEqual(["b", "A", "c", "n"]);
    const out = upper(aq.table({ b: [1], a: ["x"], c: [true] }));
    expect(out.columnNames()).toEqual(["b", "A", "c", "n"]);
    expect(Object.keys(schemaOf(out))).toEqual(["b", "A", "c", "n"]);
    expect(schemaOf(out).A).toEqual(schemaOf(aq.table({ a: ["x"] })).a); // its old type, not unknown
  });

  it("folds into a composite's contract: what follows adds to the kept columns", () => {
    const folded = foldContracts([
      { needs: ["a"], adds: ["x"], removes: [] },
      { needs: ["x", "b"], adds: [], removes: [], keepsOnly: ["x", "b"] },
      { needs: ["x"], adds: ["y"], removes: ["b"] },
    ]);
    expect(folded).toEqual({ needs: ["a", "b"], adds: ["x", "y"], removes: [], keepsOnly: ["x", "y"] });
  });
});
