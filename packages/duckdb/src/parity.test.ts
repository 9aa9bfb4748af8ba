import { add, type CastType, col, gt, pipe } from "@tablepipe/core";
import {
  describeParity,
  describeTipModelParity,
  ORDER_TYPES,
  orderRows,
  ordersTable,
  type ParityEngine,
  STAMPS,
} from "@tablepipe/sql/test-support";
import {
  castColumns,
  cumulativeSum,
  dropDuplicates,
  dropMissing,
  fillNull,
  filter,
  lag,
  lead,
  rank,
  rename,
  rowNumber,
  sortRows,
  union,
  window,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";
import type { DuckDbRunOptions } from "./engine/run-on-duckdb";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectParity, expectSameError } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const engine: ParityEngine = {
  name: "duckdb",
  runs: 30,
  run: (p, columnTypes) => runOnDuckDb(p, { columnTypes, database: db }),
};

// the properties every SQL engine shares (@tablepipe/sql/test-support), then the tip model's prepared table
describeParity(engine);
describeTipModelParity(engine, 4000);

const RUNS = { numRuns: 30 };
const COLUMNS = ["id", "status", "amount", "paid", "at"] as const;

/** The DuckDB engine on the shared database. */
const duckdbOn = (options: Omit<DuckDbRunOptions, "database">) => duckdb({ ...options, database: db });

/** Every pipe below must run wholly in DuckDB, and equal the in-process result row for row. */
async function parity(p: Parameters<typeof expectParity>[0]): Promise<void> {
  const result = await expectParity(p, db, { columnTypes: ORDER_TYPES });
  expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
}

// The renderings of rename, castColumns, fillNull, union and window are proven on DuckDB here; the Spark engine
// declines them (see docs/engines.md) until they join the shared suite.
describe("parity of rename, castColumns, fillNull, union and window (random tables)", () => {
  const renames = fc.constantFrom<Record<string, string>>(
    { id: "order_id" },
    { id: "amount", amount: "id" },
    { status: "state", at: "ordered_at", paid: "is_paid" },
    { status: "status" },
  );

  it("rename, swaps too, and the steps after it read the new names", async () => {
    await fc.assert(
      fc.asyncProperty(orderRows, renames, async (rows, columns) => {
        const renamed = pipe(ordersTable(rows)).transform(rename, { columns });
        const result = await expectParity(renamed, db, { columnTypes: ORDER_TYPES });
        expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
        const [first] = Object.values(columns) as [string];
        await parity(
          renamed.transform(sortRows, { by: [first] }).transform(dropMissing, { columns: [first] }),
        );
      }),
      RUNS,
    );
  });

  it("rename to a name another column keeps runs in process and fails with its own error", async () => {
    const p = pipe(ordersTable([])).transform(rename, { columns: { id: "status" } });
    await expectSameError(
      p,
      db,
      { columnTypes: ORDER_TYPES },
      /step "rename" adds column "status", but the table already has "status"/,
    );
  });

  /** The casts castColumns renders for each column of a typed table (a time stamp to int/float/timestamp). */
  const CASTS: Readonly<Record<string, readonly CastType[]>> = {
    id: ["int", "float", "string", "boolean", "timestamp"],
    amount: ["int", "float", "string", "boolean"],
    paid: ["int", "float", "string", "boolean"],
    at: ["int", "float", "timestamp"],
    status: ["string"],
    digits: ["int", "float"],
    word: ["boolean", "string"],
  };
  const castPlan = fc
    .subarray(Object.keys(CASTS), { minLength: 1 })
    .chain((names) =>
      fc.tuple(
        ...names.map((name) =>
          fc.constantFrom(...(CASTS[name] as CastType[])).map((to) => [name, to] as const),
        ),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs) as Record<string, CastType>);
  const textColumns = fc.array(
    fc.record({
      digits: fc.option(fc.constantFrom("12.5", " 7 ", "-3", "1e3", ".5", "+4.", "-0", "2E-2"), { freq: 4 }),
      word: fc.option(fc.constantFrom("true", " FALSE ", "True", "false"), { freq: 4 }),
    }),
  );

  it("castColumns: numbers, booleans, decimal text, true/false text, time stamps as epoch milliseconds", async () => {
    await fc.assert(
      fc.asyncProperty(orderRows, textColumns, castPlan, async (rows, texts, columns) => {
        const n = rows.length;
        const table = ordersTable(rows).assign({
          digits: Array.from({ length: n }, (_, i) => texts[i % Math.max(1, texts.length)]?.digits ?? null),
          word: Array.from({ length: n }, (_, i) => texts[i % Math.max(1, texts.length)]?.word ?? null),
        });
        const types = { ...ORDER_TYPES, digits: "string", word: "string" } as const;
        const result = await expectParity(pipe(table).transform(castColumns, { columns }), db, {
          columnTypes: types,
        });
        expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
      }),
      RUNS,
    );
  });

  it("castColumns: a value that does not convert stops DuckDB's query naming the column and value", async () => {
    const table = aq.table({ status: ["12", "paid"], flag: ["true", "yes"] });
    const types = { columnTypes: { status: "string", flag: "string" } } as const;
    await expect(
      pipe(table)
        .transform(castColumns, { columns: { status: "float" } })
        .run({ engine: duckdbOn(types) }),
    ).rejects.toThrow(/castColumns: column "status": cannot cast "paid" to float; expected a decimal number/);
    await expect(
      pipe(table)
        .transform(castColumns, { columns: { flag: "boolean" } })
        .run({ engine: duckdbOn(types) }),
    ).rejects.toThrow(/column "flag": cannot cast "yes" to boolean; expected true or false/);
    expect(() =>
      pipe(table)
        .transform(castColumns, { columns: { status: "float" } })
        .run(),
    ).toThrow(/"paid"/);
  });

  const fills = fc.record(
    {
      id: fc.constantFrom(0, -1.5),
      status: fc.constantFrom("none", ""),
      amount: fc.constant(2.5),
      paid: fc.boolean(),
      at: fc.constantFrom(...STAMPS),
    },
    { requiredKeys: [] },
  );

  it("fillNull, a time stamp's fill given as epoch milliseconds", async () => {
    await fc.assert(
      fc.asyncProperty(orderRows, fills, async (rows, columns) => {
        await parity(
          pipe(ordersTable(rows))
            .transform(fillNull, { columns })
            .transform(sortRows, { by: ["id"] }),
        );
      }),
      RUNS,
    );
  });

  it("fillNull with a value of another kind runs in process and fails with its own error", async () => {
    const table = ordersTable([{ id: 1, status: "paid", amount: 3, paid: null, at: null }]);
    const p = pipe(table).transform(fillNull, { columns: { amount: "none" } });
    await expectSameError(p, db, { columnTypes: ORDER_TYPES }, /column "amount"/);
  });

  it("union: columns matched by name, the other's rows after the input's, order kept through later steps", async () => {
    await fc.assert(
      fc.asyncProperty(orderRows, orderRows, fc.boolean(), async (rows, others, dedupe) => {
        const other = ordersTable(others).select(["at", "paid", "amount", "status", "id"]);
        const united = pipe(ordersTable(rows))
          .transform(filter, { where: gt(col("amount"), 0) })
          .transform(union, { other });
        await parity(dedupe ? united.transform(dropDuplicates, { subset: ["id", "status"] }) : united);
      }),
      RUNS,
    );
  });

  it("union with other columns or another kind of value runs in process and fails with its own error", async () => {
    const input = ordersTable([{ id: 1, status: "paid", amount: 3, paid: true, at: null }]);
    const lacking = input.select(["id", "status"]);
    await expectSameError(
      pipe(input).transform(union, { other: lacking }),
      db,
      { columnTypes: ORDER_TYPES },
      /lacks/,
    );
    const strings = input.derive({ amount: () => "3" });
    await expectSameError(
      pipe(input).transform(union, { other: strings }),
      db,
      { columnTypes: ORDER_TYPES },
      /"amount"/,
    );
  });

  it("window: rowNumber, rank, lag, lead, cumulativeSum over partitions, ascending and descending", async () => {
    const offset = fc.integer({ min: 0, max: 2 });
    await fc.assert(
      fc.asyncProperty(
        orderRows,
        fc.subarray([...COLUMNS]),
        fc.subarray([...COLUMNS]),
        fc.subarray([...COLUMNS]),
        offset,
        async (rows, partitionBy, orderBy, picks, k) => {
          const descending = orderBy.filter((c) => picks.includes(c));
          await parity(
            pipe(ordersTable(rows)).transform(window, {
              partitionBy,
              orderBy,
              descending,
              columns: {
                nth: rowNumber(),
                place: rank(),
                previous: lag(col("amount"), k),
                next_status: lead(col("status"), k),
                earlier: lag(col("at")),
                spent: cumulativeSum(col("amount")),
                amount: cumulativeSum(add(col("amount"), 1)),
              },
            }),
          );
        },
      ),
      RUNS,
    );
  });
});
