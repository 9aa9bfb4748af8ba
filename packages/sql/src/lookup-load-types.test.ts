import { type CastType, type Pipe, pipe, StepFailedError, typedTable } from "@tablepipe/core";
import { excludeAirports, excludeMatching, join, union } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import type { CompiledPipe } from "./compile-pipe";
import { lookupTypesOver } from "./lookup-load-types";
import { compileForTest, inProcessMessage } from "./test-support/compile-for-test";

/** Compile a pipe as an engine does: the source's types, and the engine's `columnTypes`. */
function compile(
  p: Pipe<string>,
  sourceTypes: Readonly<Record<string, CastType>>,
  columnTypes?: Readonly<Record<string, CastType>>,
): CompiledPipe {
  return compileForTest(p, { sourceTypes, ...(columnTypes === undefined ? {} : { columnTypes }) });
}

const orders = aq.table({ id: [1, 2], customer_id: [7, 8] });
const INT = { id: "int", customer_id: "int" } as const;
const customers = aq.table({ customer_id: [7, 8], region_id: ["1", "2"] });
const regions = aq.table({ region_id: [1, 2], region: ["north", "south"] });

describe("a join's added columns", () => {
  it("keep the right table's types, so a later join on one is checked", () => {
    const p = pipe(orders)
      .transform(join, { right: customers, on: ["customer_id"] })
      .transform(join, { right: regions, on: ["region_id"] });
    const message = inProcessMessage(p);
    expect(message).toMatch(/key "region_id" holds strings on the left but numbers on the right/);
    expect(() => compile(p, INT)).toThrow(StepFailedError);
    expect(() => compile(p, INT)).toThrow(message);
  });

  it("are typed by the right table's schema when it declares one", () => {
    const typed = typedTable(
      aq.table({ customer_id: [7, 8], region_id: [1, 2] }),
      z.object({ customer_id: z.int(), region_id: z.int() }),
    );
    const p = pipe(orders).transform(join, { right: typed, on: ["customer_id"] });
    const compiled = compile(p, INT);
    expect(compiled.lookups[0]?.types).toEqual({ customer_id: "int", region_id: "int" });
  });

  it("take the engine's columnTypes first, as the engine loads the table", () => {
    const p = pipe(orders)
      .transform(join, { right: aq.table({ customer_id: [7], region_id: [1] }), on: ["customer_id"] })
      .transform(join, { right: regions, on: ["region_id"] });
    // region_id loaded as a string: the second join is refused as the loaded table would never match
    expect(() => compile(p, INT, { region_id: "string" })).toThrow(/holds strings on the left but numbers/);
    const loaded = compile(p, INT, { region_id: "int" });
    expect(loaded.renderedSteps).toBe(2);
    expect(loaded.lookups.map((l) => l.types)).toEqual([
      { customer_id: "float", region_id: "int" },
      { region_id: "int", region: "string" },
    ]);
  });
});

describe("a right table's declared types", () => {
  const declared = typedTable(
    aq.table({ customer_id: [7, 8.5], name: ["a", "b"] }),
    z.object({ customer_id: z.number(), name: z.string() }),
  );

  it("win over the engine's columnTypes (given for the source), which type its undeclared columns only", () => {
    const p = pipe(orders).transform(join, { right: declared, on: ["customer_id"] });
    expect(compile(p, INT, { customer_id: "int" }).lookups[0]?.types).toEqual({
      customer_id: "float",
      name: "string",
    });
    const plain = pipe(orders).transform(join, {
      right: aq.table({ customer_id: [7] }),
      on: ["customer_id"],
    });
    expect(compile(plain, INT, { customer_id: "int" }).lookups[0]?.types).toEqual({ customer_id: "int" });
  });

  it("are loaded under the rendering's types, and over columnTypes, which type a plain table's columns", () => {
    const table = typedTable(aq.table({ k: [1], v: [2] }), z.object({ k: z.number(), v: z.number() }));
    const columnTypes = { k: "int", v: "int", w: "int" } as const;
    expect(lookupTypesOver(table, { v: "string" }, columnTypes)).toEqual({ k: "float", v: "string" });
    expect(lookupTypesOver(aq.table({ w: [3], x: [4] }), {}, columnTypes)).toEqual({ w: "int" });
  });
});

describe("a right or lookup key holding no value", () => {
  const empty = aq.table({ customer_id: [null, null], name: ["a", "b"] });

  it("is loaded as the left key's type (every how), or the join declines when that is unknown", () => {
    for (const how of ["inner", "left", "semi", "anti"] as const) {
      const p = pipe(orders).transform(join, { right: empty, on: ["customer_id"], how });
      const compiled = compile(p, INT);
      expect(compiled.renderedSteps).toBe(1);
      expect(compiled.lookups[0]?.types).toEqual({ customer_id: "int", name: "string" });
      expect(compile(p, { id: "int" }).renderedSteps).toBe(0);
    }
  });

  it("a right column of no value is loaded as a string", () => {
    const right = aq.table({ customer_id: [7], note: [null] });
    const p = pipe(orders).transform(join, { right, on: ["customer_id"], how: "left" });
    expect(compile(p, INT).lookups[0]?.types).toEqual({ customer_id: "float", note: "string" });
  });

  it("in excludeMatching and excludeAirports is loaded as the input key's type", () => {
    const zones = aq.table({ zone: [null], name: [null] });
    const steps = [
      pipe(orders).transform(excludeMatching, { column: "customer_id", lookup: zones, lookupKey: "zone" }),
      pipe(orders).transform(excludeAirports, {
        column: "customer_id",
        zones,
        zoneIdColumn: "zone",
        zoneNameColumn: "name",
      }),
    ];
    for (const p of steps) {
      expect(compile(p, INT).lookups[0]?.types).toEqual({ zone: "int", name: "string" });
      expect(compile(p, { id: "int" }).renderedSteps).toBe(0);
    }
  });
});

describe("union of an int column with fractions in the other table", () => {
  it("is a float column: the other's loaded as a float, the input's cast", () => {
    for (const x of [2.5, 1e20]) {
      const p = pipe(aq.table({ x: [1] })).transform(union, { other: aq.table({ x: [x] }) });
      const compiled = compile(p, { x: "int" });
      expect(compiled.renderedSteps).toBe(1);
      expect(compiled.lookups[0]?.types).toEqual({ x: "float" });
      expect(compiled.sql).toContain('CAST("x" AS DOUBLE) AS "x"');
    }
  });

  it("stays an int column when the other's numbers are whole", () => {
    const p = pipe(aq.table({ x: [1] })).transform(union, { other: aq.table({ x: [2, null] }) });
    const compiled = compile(p, { x: "int" });
    expect(compiled.lookups[0]?.types).toEqual({ x: "int" });
    expect(compiled.sql).not.toContain("CAST(");
  });
});

describe("one table two steps read", () => {
  const late = aq.table({ id: [3], customer_id: [null] });

  it("is two lookups when they load it with different types, each step reading its own", () => {
    const p = pipe(orders)
      .transform(union, { other: late })
      .transform(excludeMatching, { column: "id", lookup: late, lookupKey: "id" });
    const compiled = compile(p, INT);
    expect(compiled.renderedSteps).toBe(2);
    expect(compiled.lookups.map((l) => [l.table, l.relation, l.types])).toEqual([
      [late, "lookup_1", { id: "int", customer_id: "int" }],
      [late, "lookup_2", { id: "float", customer_id: "string" }],
    ]);
    const [unionCte, excludeCte] = compiled.ctes.slice(-2);
    expect(unionCte?.sql).toContain('FROM "lookup 1"');
    expect(excludeCte?.sql).toContain('"lookup 2"');
    expect(excludeCte?.sql).not.toContain('"lookup 1"');
  });

  it("is one lookup when they load it with the same types", () => {
    const lookup = aq.table({ key: [7, 2] });
    const p = pipe(orders)
      .transform(excludeMatching, { column: "id", lookup, lookupKey: "key" })
      .transform(excludeMatching, { column: "customer_id", lookup, lookupKey: "key" });
    const compiled = compile(p, INT);
    expect(compiled.renderedSteps).toBe(2);
    expect(compiled.lookups.map((l) => [l.relation, l.types])).toEqual([["lookup_1", { key: "float" }]]);
  });
});
