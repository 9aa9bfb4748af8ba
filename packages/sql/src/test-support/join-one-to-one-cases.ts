/** The parity of `join` with `validate: "one-to-one"`: the left keys checked in the engine's query. */
import { add, cast, col, eq, type Pipe, pipe, StepFailedError } from "@tablepipe/core";
import { derive, filter, firstNPerGroup, join, select } from "@tablepipe/transforms";
import * as aq from "arquero";
import fc from "fast-check";
import { expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";
import { ORDER_TYPES, type OrderRow, orderRows, ordersTable } from "./random-tables";

/** An order row with this id and status (the other cells fixed). */
const order = (id: number | null, status: string | null = "paid"): OrderRow => ({
  id,
  status,
  amount: 5,
  paid: true,
  at: null,
});

/** The error `run` throws (or rejects with), or undefined when it runs through. */
async function failureOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

/**
 * Assert the pipe runs on the engine as in process: the same failure (a `StepFailedError` of the join step whose
 * cause is the in-process `TypeError`, with the same message, which must match `pattern`), or, when in process
 * runs through, the same table with every step on the engine.
 */
async function expectSameOutcome(p: Pipe<string>, engine: ParityEngine, pattern?: RegExp): Promise<void> {
  const expected = await failureOf(() => p.run());
  if (expected === undefined) {
    expect(pattern, "the in-process run did not fail").toBeUndefined();
    const result = await expectParity(p, engine, ORDER_TYPES);
    expect(result.placement.map((s) => s.engine)).toEqual(p.steps.map(() => engine.name));
    return;
  }
  expect(expected).toBeInstanceOf(StepFailedError);
  expect((expected as Error).cause).toBeInstanceOf(TypeError);
  if (pattern !== undefined) expect((expected as Error).message).toMatch(pattern);
  const actual = await failureOf(() => engine.run(p, ORDER_TYPES));
  expect(actual, "the engine's run did not fail").toBeInstanceOf(StepFailedError);
  expect((actual as Error).message).toBe((expected as Error).message);
  expect((actual as Error).cause).toBeInstanceOf(TypeError);
}

/** The one-to-one cases of `describeJoinValidateParity` (inside its `describe`). */
export function oneToOneCases(engine: ParityEngine): void {
  it("one-to-one on random rows: the same result with every step on the engine, or the same error", async () => {
    // unique right keys, a missing one repeated
    const right = fc
      .uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 4 })
      .chain((ids) => fc.shuffledSubarray([...ids, null, null]))
      .map((ids) => aq.table({ id: ids, label: ids.map((id) => (id === null ? "none" : `L${id}`)) }));
    const how = fc.constantFrom("inner", "left", "semi", "anti" as const);
    // the left keys made unique by an earlier step, or filtered (a repeat may remain)
    const unique = fc.boolean();
    await fc.assert(
      fc.asyncProperty(orderRows, right, how, unique, async (rows, lookup, kind, once) => {
        const before = once
          ? pipe(ordersTable(rows)).transform(firstNPerGroup, { keys: ["id"], orderBy: ["amount"], n: 1 })
          : pipe(ordersTable(rows)).transform(filter, { where: eq(col("paid"), true) });
        const p = before
          .transform(join, { right: lookup, on: ["id"], how: kind, validate: "one-to-one" })
          .transform(filter, { where: eq(col("status"), "paid") })
          .transform(derive, { columns: { twice: add(col("amount"), col("amount")) } });
        await expectSameOutcome(p, engine);
      }),
      { numRuns: Math.max(4, Math.ceil(engine.runs / 2)) },
    );
  });

  it("one-to-one over unique left keys, missing keys repeated: runs on the engine", async () => {
    const orders = ordersTable([order(3), order(null), order(1), order(Number.NaN), order(null), order(2)]);
    const right = aq.table({ id: [1, 2, 4], label: ["a", "b", "d"] });
    for (const how of ["inner", "left", "anti"] as const) {
      await expectSameOutcome(
        pipe(orders).transform(join, { right, on: ["id"], how, validate: "one-to-one" }),
        engine,
      );
    }
    // two keys: a pair with one missing part repeats freely
    const pairs = ordersTable([order(1, null), order(1, "paid"), order(1, null), order(2, "paid")]);
    const rightPairs = aq.table({ id: [1, 2], status: ["paid", "paid"], label: ["a", "b"] });
    await expectSameOutcome(
      pipe(pairs).transform(join, {
        right: rightPairs,
        on: ["id", "status"],
        how: "left",
        validate: "one-to-one",
      }),
      engine,
    );
  });

  it("one-to-one over a repeated left key fails with the in-process error naming the first one in row order", async () => {
    // 4 is the first left row whose key appears again; 2 repeats too, and matches no right row
    const orders = ordersTable([order(5), order(4), order(2), order(4), order(2), order(null), order(null)]);
    const right = aq.table({ id: [4, 5], label: ["d", "e"] });
    for (const how of ["inner", "left", "semi", "anti"] as const) {
      await expectSameOutcome(
        pipe(orders).transform(join, { right, on: ["id"], how, validate: "one-to-one" }),
        engine,
        /^join\(id\): validate "one-to-one": the key \(id = 4\) appears more than once in the left table$/,
      );
    }
    // the only repeated key outside the right keys' range, which an inner or semi join may never look up
    const outside = ordersTable([order(1), order(9), order(9)]);
    const low = aq.table({ id: [1, 2], label: ["a", "b"] });
    for (const how of ["inner", "semi"] as const) {
      await expectSameOutcome(
        pipe(outside).transform(join, { right: low, on: ["id"], how, validate: "one-to-one" }),
        engine,
        /^join\(id\): validate "one-to-one": the key \(id = 9\) appears more than once in the left table$/,
      );
    }
    // two keys; the same id with another status is another key
    const pairs = ordersTable([order(1, "open"), order(2, "paid"), order(1, "paid"), order(2, "paid")]);
    const rightPairs = aq.table({ id: [1], status: ["open"], label: ["a"] });
    await expectSameOutcome(
      pipe(pairs).transform(join, { right: rightPairs, on: ["id", "status"], validate: "one-to-one" }),
      engine,
      /^join\(id\+status\): validate "one-to-one": the key \(id = 2, status = "paid"\) appears more than once in the left table$/,
    );
  });

  it("one-to-one names a key's value as in process: a time stamp, a boolean, an int, a string", async () => {
    const stamp = Date.UTC(2018, 2, 11, 2, 30);
    const rows: OrderRow[] = [
      { id: 1, status: 'say "hi"', amount: 2, paid: false, at: stamp },
      { id: 2, status: "open", amount: 1.5, paid: true, at: null },
      { id: 3, status: 'say "hi"', amount: 2, paid: true, at: stamp },
    ];
    const orders = pipe(ordersTable(rows)).transform(derive, { columns: { n: cast(col("amount"), "int") } });
    const cases = [
      ["at", /\(at = 1520735400000\)/],
      ["paid", /\(paid = true\)/],
      ["n", /\(n = 2\)/],
      ["status", /\(status = "say \\"hi\\""\)/],
    ] as const;
    for (const [key, named] of cases) {
      // a right key with no value takes the left's type
      const right = aq.table({ [key]: [null], label: ["a"] });
      await expectSameOutcome(
        orders.transform(join, { right, on: [key], how: "left", validate: "one-to-one" }),
        engine,
        named,
      );
    }
  });

  it("one-to-one checks the rows an earlier filter keeps, whatever a later step keeps", async () => {
    // the source repeats 1 first, but the filter drops its second row: 3 is the first key that repeats after it
    const orders = ordersTable([
      order(1, "open"),
      order(2, "paid"),
      order(1, "paid"),
      order(3, "paid"),
      order(3, "paid"),
      order(2, "open"),
    ]);
    const right = aq.table({ id: [1, 2, 3], label: ["a", "b", "c"] });
    const paid = pipe(orders).transform(filter, { where: eq(col("status"), "paid") });
    const joined = paid.transform(join, { right, on: ["id"], validate: "one-to-one" });
    const repeated =
      /^join\(id\): validate "one-to-one": the key \(id = 3\) appears more than once in the left table$/;
    await expectSameOutcome(joined, engine, repeated);
    // a later step that drops the repeated rows or their columns does not hide them
    await expectSameOutcome(joined.transform(filter, { where: eq(col("id"), 1) }), engine, repeated);
    await expectSameOutcome(joined.transform(select, { columns: ["status"] }), engine, repeated);
    const none = aq.table({ id: [] as number[], other: [] as string[] });
    await expectSameOutcome(joined.transform(join, { right: none, on: ["id"] }), engine, repeated);
    // a right table that no left row can match (no row, or no key): the left rows are checked all the same
    for (const empty of [
      aq.table({ id: [] as number[], label: [] as string[] }),
      aq.table({ id: [null], label: ["x"] }),
    ]) {
      for (const how of ["inner", "semi"] as const) {
        const p = paid.transform(join, { right: empty, on: ["id"], how, validate: "one-to-one" });
        await expectSameOutcome(p, engine, repeated);
        await expectSameOutcome(p.transform(filter, { where: eq(col("id"), 1) }), engine, repeated);
      }
    }
    // a filter that leaves every key once: the join and later steps run on the engine
    const open = pipe(orders).transform(filter, { where: eq(col("status"), "open") });
    for (const how of ["inner", "left", "semi", "anti"] as const) {
      await expectSameOutcome(
        open.transform(join, { right, on: ["id"], how, validate: "one-to-one" }),
        engine,
      );
      const empty = aq.table({ id: [null], label: ["x"] });
      await expectSameOutcome(
        open.transform(join, { right: empty, on: ["id"], how, validate: "one-to-one" }),
        engine,
      );
    }
  });

  it("one-to-one names the right table's repeated key first, as in process", async () => {
    const orders = ordersTable([order(1), order(1)]);
    const right = aq.table({ id: [2, 1, 2], label: ["a", "b", "c"] });
    await expectSameOutcome(
      pipe(orders).transform(join, { right, on: ["id"], validate: "one-to-one" }),
      engine,
      /^join\(id\): validate "one-to-one": the key \(id = 2\) appears more than once in the right table$/,
    );
  });
}
