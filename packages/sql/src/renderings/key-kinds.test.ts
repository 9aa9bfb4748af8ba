import {
  type CastType,
  type Pipe,
  pipe,
  type SqlDialectName,
  StepFailedError,
  typedTable,
} from "@tablepipe/core";
import { excludeAirports, excludeMatching, join } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import type { CompiledPipe } from "../compile-pipe";
import { compileForTest, inProcessMessage } from "../test-support/compile-for-test";

/** Compile a pipe as an engine does, the source columns of these types (none given: every type unknown). */
function compile(
  p: Pipe<string>,
  sourceTypes?: Readonly<Record<string, CastType>>,
  dialect: SqlDialectName = "duckdb",
): CompiledPipe {
  return compileForTest(p, { dialect, ...(sourceTypes === undefined ? {} : { sourceTypes }) });
}

const orders = aq.table({ id: [1, 2], customer_id: [7, 8] });
const INT = { id: "int", customer_id: "int" } as const;
const customers = (ids: unknown[]) => aq.table({ customer_id: ids, name: ids.map(() => "Ann") });

describe("a key whose two sides can never match", () => {
  it("is refused at compile time with the in-process error, in every dialect and for every kind of join", () => {
    for (const dialect of ["duckdb", "spark"] as const) {
      for (const how of ["inner", "left", "semi", "anti"] as const) {
        const p = pipe(orders).transform(join, { right: customers(["7", "08"]), on: ["customer_id"], how });
        const message = inProcessMessage(p);
        expect(message).toMatch(/holds numbers on the left but strings on the right/);
        expect(() => compile(p, INT, dialect)).toThrow(StepFailedError);
        expect(() => compile(p, INT, dialect)).toThrow(message);
      }
    }
  });

  it("reads the left's kinds from its type (a time stamp may be a Date), the right's from its keys", () => {
    const stamps = aq.table({ customer_id: [new Date(7)], name: ["Ann"] });
    const p = pipe(orders).transform(join, { right: stamps, on: ["customer_id"] });
    expect(() => compile(p, INT)).toThrow(inProcessMessage(p));
    expect(inProcessMessage(p)).toMatch(/holds numbers on the left but Dates on the right/);
    expect(compile(p, { ...INT, customer_id: "timestamp" }).renderedSteps).toBe(1);
    const asBoolean = pipe(orders).transform(join, { right: customers([true]), on: ["customer_id"] });
    expect(() => compile(asBoolean, INT)).toThrow(
      'join(customer_id): key "customer_id" holds numbers on the left but booleans on the right',
    );
  });

  it("excludeMatching: refused without a where; with one, declined to the in-process step", () => {
    const lookup = customers(["7"]);
    const plain = pipe(orders).transform(excludeMatching, {
      column: "customer_id",
      lookup,
      lookupKey: "customer_id",
    });
    expect(() => compile(plain, INT)).toThrow(inProcessMessage(plain));
    const where = pipe(orders).transform(excludeMatching, {
      column: "customer_id",
      lookup,
      lookupKey: "customer_id",
      where: { column: "name", equals: "Ann" },
    });
    expect(compile(where, INT).renderedSteps).toBe(0);
    const airports = pipe(orders).transform(excludeAirports, {
      column: "customer_id",
      zones: aq.table({ zone_id: ["7"], zone_name: ["JFK Airport"] }),
      zoneIdColumn: "zone_id",
      zoneNameColumn: "zone_name",
    });
    expect(compile(airports, INT).renderedSteps).toBe(0);
  });
});

describe("what the compiler does not refuse (the in-process step decides on the values)", () => {
  it("a key of unknown type, a right table without any key, keys of kinds that may match", () => {
    const strings = pipe(orders).transform(join, { right: customers(["7"]), on: ["customer_id"] });
    expect(compile(strings).renderedSteps).toBe(1);
    for (const ids of [[], [null, Number.NaN]]) {
      const p = pipe(orders).transform(join, { right: customers(ids), on: ["customer_id"], how: "left" });
      expect(compile(p, INT).renderedSteps).toBe(1);
    }
    const floats = pipe(orders).transform(join, { right: customers([7.5, 8]), on: ["customer_id"] });
    expect(compile(floats, { ...INT, customer_id: "float" }).renderedSteps).toBe(1);
    expect(compile(floats, INT).renderedSteps).toBe(1);
  });

  it("a clashing right column declined first, a repeated many-to-one right key refused first, as in process", () => {
    const clash = aq.table({ customer_id: ["7"], id: [1] });
    const p = pipe(orders).transform(join, { right: clash, on: ["customer_id"] });
    expect(inProcessMessage(p)).toMatch(/adds column "id", but the table already has "id"/);
    expect(compile(p, INT).renderedSteps).toBe(0);
    const validated = pipe(orders).transform(join, {
      right: customers(["7", "7"]),
      on: ["customer_id"],
      validate: "many-to-one",
    });
    expect(inProcessMessage(validated)).toMatch(/appears more than once in the right table/);
    expect(() => compile(validated, INT)).toThrow(inProcessMessage(validated));
  });

  it("many-to-one and one-to-one over unique right keys (missing keys repeated) render", () => {
    for (const dialect of ["duckdb", "spark"] as const) {
      const unique = pipe(orders).transform(join, {
        right: customers([7, null, null, 8]),
        on: ["customer_id"],
        validate: "many-to-one",
      });
      expect(compile(unique, INT, dialect).renderedSteps).toBe(1);
      const oneToOne = pipe(orders).transform(join, {
        right: customers([7, null, null, 8]),
        on: ["customer_id"],
        validate: "one-to-one",
      });
      const compiled = compile(oneToOne, INT, dialect);
      expect(compiled.renderedSteps).toBe(1);
      // the left keys counted by one window, a repeat raising the dialect's error, and a probe to name it
      const step = compiled.ctes.at(-1);
      expect(step?.sql.match(/count\(\*\) OVER \(PARTITION BY/g)).toHaveLength(1);
      expect(step?.sql).toContain(dialect === "duckdb" ? "error(" : "raise_error(");
      expect(step?.failureProbe).toBeDefined();
    }
  });

  it("one-to-one over keys that can never match declines: in process a repeated left key fails first", () => {
    const repeated = pipe(aq.table({ id: [1, 2], customer_id: [7, 7] })).transform(join, {
      right: customers(["7"]),
      on: ["customer_id"],
      validate: "one-to-one",
    });
    expect(inProcessMessage(repeated)).toMatch(
      /the key \(customer_id = 7\) appears more than once in the left table/,
    );
    const once = pipe(orders).transform(join, {
      right: customers(["7"]),
      on: ["customer_id"],
      validate: "one-to-one",
    });
    expect(inProcessMessage(once)).toMatch(/holds numbers on the left but strings on the right/);
    for (const dialect of ["duckdb", "spark"] as const) {
      expect(compile(repeated, INT, dialect).renderedSteps).toBe(0);
      expect(compile(once, INT, dialect).renderedSteps).toBe(0);
    }
  });

  it("a typed right table is read by its keys, not its declared type", () => {
    const right = typedTable(
      aq.table({ customer_id: [null], name: ["Ann"] }),
      z.object({ customer_id: z.string().nullable(), name: z.string() }),
    );
    expect(compile(pipe(orders).transform(join, { right, on: ["customer_id"] }), INT).renderedSteps).toBe(1);
  });
});
