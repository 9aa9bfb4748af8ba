import { col, month, type Pipe, pipe, StepFailedError, trim, typedTable } from "@tablepipe/core";
import { derive, excludeAirports, excludeMatching, join } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";
import { expectParity, expectSameError } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const orders = typedTable(
  aq.table({ order_id: [1, 2, 3], customer_id: [7, 8, 9] }),
  z.object({ order_id: z.int(), customer_id: z.int() }),
);
const Customer = z.object({ customer_id: z.string(), name: z.string() });
/** Customers keyed by text: "08" converts to 8 in SQL, "x" converts to nothing. */
const customers = (ids: string[]) =>
  typedTable(aq.table({ customer_id: ids, name: ids.map((id) => `name ${id}`) }), Customer);

/** The in-process run's error: a `StepFailedError` naming the step. */
function inProcessError(p: Pipe<string>): StepFailedError {
  try {
    p.run();
  } catch (error) {
    return error as StepFailedError;
  }
  throw new Error("the in-process run did not fail");
}

/**
 * Assert the DuckDB run fails with the in-process error (class and text), before DuckDB runs any statement on
 * the database (the refusal is the compiler's, not a DuckDB conversion or binder error).
 */
async function expectRefusedBeforeQuery(p: Pipe<string>, message: string): Promise<void> {
  const expected = inProcessError(p);
  expect(expected).toBeInstanceOf(StepFailedError);
  expect(expected.message).toBe(message);
  const calls = [
    vi.spyOn(db.connection, "run"),
    vi.spyOn(db.connection, "runAndReadAll"),
    vi.spyOn(db.connection, "stream"),
    vi.spyOn(db.connection, "createAppender"),
  ];
  const failure = await p.run({ engine: duckdb({ database: db }) }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(StepFailedError);
  expect((failure as Error).message).toBe(expected.message);
  expect(((failure as Error).cause as Error).constructor).toBe((expected.cause as Error).constructor);
  for (const call of calls) expect(call).not.toHaveBeenCalled();
}

const MISMATCH =
  'key "customer_id" holds numbers on the left but strings on the right, so no key can ever match (1 and "1" are different keys)';

describe("a key whose values can never match the other side's: refused before the query, as in process", () => {
  for (const how of ["inner", "left", "semi", "anti"] as const) {
    it(`join ${how}: numbers against text ("08" would convert to 8 in DuckDB)`, async () => {
      const p = pipe(orders).transform(join, {
        right: customers(["7", "08", "10"]),
        on: ["customer_id"],
        how,
      });
      await expectRefusedBeforeQuery(p, `join(customer_id): ${MISMATCH}`);
    });
  }

  it('join: numbers against text that does not convert ("x": not DuckDB\'s conversion error)', async () => {
    const p = pipe(orders).transform(join, { right: customers(["x"]), on: ["customer_id"], how: "left" });
    await expectRefusedBeforeQuery(p, `join(customer_id): ${MISMATCH}`);
  });

  it("join: names the key that can never match among several", async () => {
    const right = typedTable(
      aq.table({ order_id: [1, 2], customer_id: ["7", "8"], name: ["Ann", "Bob"] }),
      z.object({ order_id: z.int(), customer_id: z.string(), name: z.string() }),
    );
    const p = pipe(orders).transform(join, { right, on: ["order_id", "customer_id"] });
    await expectRefusedBeforeQuery(p, `join(order_id+customer_id): ${MISMATCH}`);
  });

  it("excludeMatching without a where: numbers against the lookup table's text", async () => {
    const p = pipe(orders).transform(excludeMatching, {
      column: "customer_id",
      lookup: customers(["7", "08"]),
      lookupKey: "customer_id",
    });
    await expectRefusedBeforeQuery(
      p,
      'excludeMatching(customer_id): key "customer_id" holds numbers but lookup table key ' +
        '"customer_id" holds strings, so no key can ever match (1 and "1" are different keys)',
    );
  });

  it("a key derived with trim or a date part, whose type the compiler sees, against the other kind", async () => {
    const texts = typedTable(
      aq.table({ code: ["7 ", " 08"], at: [Date.UTC(2024, 0, 5), Date.UTC(2024, 1, 5)] }),
      z.object({ code: z.string(), at: z.date() }),
    );
    const trimmed = pipe(texts).transform(derive, { columns: { customer_id: trim(col("code")) } });
    await expectRefusedBeforeQuery(
      trimmed.transform(join, { right: orders, on: ["customer_id"], how: "left" }),
      'join(customer_id): key "customer_id" holds strings on the left but numbers on the right, so no key can ever match (1 and "1" are different keys)',
    );
    const months = pipe(texts).transform(derive, { columns: { customer_id: month(col("at")) } });
    await expectRefusedBeforeQuery(
      months.transform(excludeMatching, {
        column: "customer_id",
        lookup: customers(["1", "2"]),
        lookupKey: "customer_id",
      }),
      'excludeMatching(customer_id): key "customer_id" holds numbers but lookup table key ' +
        '"customer_id" holds strings, so no key can ever match (1 and "1" are different keys)',
    );
  });

  it("excludeMatching and excludeAirports with a where run in process, which fails or keeps every row", async () => {
    const lookup = customers(["7", "08"]);
    const where = { column: "name", startsWith: "name" };
    const p = pipe(orders).transform(excludeMatching, {
      column: "customer_id",
      lookup,
      lookupKey: "customer_id",
      where,
    });
    await expectSameError(p, db, {}, /holds numbers but lookup table key "customer_id" holds strings/);
    // no lookup row meets the where: in process nothing is refused and every row kept
    const none = pipe(orders).transform(excludeMatching, {
      column: "customer_id",
      lookup,
      lookupKey: "customer_id",
      where: { column: "name", equals: "nobody" },
    });
    const kept = await expectParity(none, db);
    expect(kept.placement.map((s) => s.engine)).toEqual(["in-process"]);
    expect(kept.table.numRows()).toBe(3);
    const zones = typedTable(
      aq.table({ zone_id: ["7"], zone_name: ["JFK Airport"] }),
      z.object({ zone_id: z.string(), zone_name: z.string() }),
    );
    await expectSameError(
      pipe(orders).transform(excludeAirports, {
        column: "customer_id",
        zones,
        zoneIdColumn: "zone_id",
        zoneNameColumn: "zone_name",
      }),
      db,
      {},
      /excludeAirports\(customer_id\): key "customer_id" holds numbers but zones table key "zone_id" holds strings/,
    );
  });
});

describe("keys that may match are not refused: the same rows as in process", () => {
  it("an int key against float keys (the statements the refusals above never ran run here)", async () => {
    const prices = typedTable(
      aq.table({ customer_id: [7.0, 8.5], price: [1, 2] }),
      z.object({ customer_id: z.number(), price: z.int() }),
    );
    const statements = vi.spyOn(db.connection, "run");
    const result = await expectParity(
      pipe(orders).transform(join, { right: prices, on: ["customer_id"] }),
      db,
    );
    expect(statements).toHaveBeenCalled();
    expect(result.placement.map((s) => s.engine)).toEqual(["duckdb"]);
    expect(result.table.numRows()).toBe(1);
  });

  it("a right table without any key (no rows, or null keys only) is not refused, as in process", async () => {
    for (const ids of [[], [null]]) {
      const right = typedTable(
        aq.table({ customer_id: ids, name: ids.map(() => "Ann") }),
        z.object({ customer_id: z.string().nullable(), name: z.string() }),
      );
      for (const how of ["left", "anti"] as const) {
        const result = await expectParity(
          pipe(orders).transform(join, { right, on: ["customer_id"], how }),
          db,
        );
        expect(result.table.numRows()).toBe(3);
      }
    }
  });
});
