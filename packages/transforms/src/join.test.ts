import { pipe, StepFailedError, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countingStep } from "./internal/counting-step";
import { type OrderRow, orderRows, ordersTable } from "./internal/test-support";
import { join } from "./join";
import { select } from "./select";

const customers = () => aq.table({ customer_id: [1, 2, 2, null], name: ["Ann", "Bo", "Bob", "Nobody"] });

describe("join", () => {
  const orders = aq.table({ customer_id: [2, 3, null, 1], amount: [10, 20, 30, 40] });
  const typedOrders = () =>
    typedTable(orders, {
      customer_id: { type: "int", nullable: true },
      amount: { type: "int", nullable: false },
    });

  it("inner: matching pairs, left order then right order; null keys never match", () => {
    expect(join(orders, { right: customers(), on: ["customer_id"] }).objects()).toEqual([
      { customer_id: 2, amount: 10, name: "Bo" },
      { customer_id: 2, amount: 10, name: "Bob" },
      { customer_id: 1, amount: 40, name: "Ann" },
    ]);
  });

  it("refuses a right table without the key columns before any row is read", () => {
    const first = countingStep();
    const before = first.step;
    const p = pipe(orders)
      .transform(before)
      .transform(join, { right: aq.table({ id: [1], name: ["Ann"] }), on: ["customer_id"] });
    expect(() => p.check()).toThrow(StepFailedError);
    expect(() => p.run()).toThrow(
      'join(customer_id): right table: missing column "customer_id"; available: id, name',
    );
    expect(first.runs()).toBe(0);
  });

  it("left: unmatched rows kept with nulls; semi and anti keep left rows once", () => {
    const left = join(orders, { right: customers(), on: ["customer_id"], how: "left" });
    expect(left.array("name")).toEqual(["Bo", "Bob", null, null, "Ann"]);
    expect(join(orders, { right: customers(), on: ["customer_id"], how: "semi" }).array("amount")).toEqual([
      10, 40,
    ]);
    expect(join(orders, { right: customers(), on: ["customer_id"], how: "anti" }).objects()).toEqual([
      { customer_id: 3, amount: 20 },
      { customer_id: null, amount: 30 },
    ]);
  });

  it("full: a left join's rows, then the right rows no left row matched, keys from the right, nullable", () => {
    const right = aq.table({ customer_id: [1, 2, 5, null], name: ["Ann", "Bo", "Eve", "Nobody"] });
    const out = pipe(typedOrders())
      .transform(join, {
        right: typedTable(right, {
          customer_id: { type: "int", nullable: true },
          name: { type: "string", nullable: false },
        }),
        on: ["customer_id"],
        how: "full",
      })
      .run().table;
    expect(out.objects()).toEqual([
      { customer_id: 2, amount: 10, name: "Bo" },
      { customer_id: 3, amount: 20, name: null },
      { customer_id: null, amount: 30, name: null },
      { customer_id: 1, amount: 40, name: "Ann" },
      { customer_id: 5, amount: null, name: "Eve" },
      { customer_id: null, amount: null, name: "Nobody" },
    ]);
    expect(schemaOf(out)).toMatchObject({
      customer_id: { type: "int", nullable: true },
      amount: { type: "int", nullable: true },
      name: { type: "string", nullable: true },
    });
    // every right row matched: the left join's rows, as typed arrays where the left's were
    const all = join(aq.table({ k: Float64Array.of(1, 2), x: Float64Array.of(3, 4) }), {
      right: aq.table({ k: Float64Array.of(2, 1), y: ["b", "a"] }),
      on: ["k"],
      how: "full",
    });
    expect(all.objects()).toEqual([
      { k: 1, x: 3, y: "a" },
      { k: 2, x: 4, y: "b" },
    ]);
    expect(all.column("x")).toBeInstanceOf(Float64Array);
  });

  it("right: the pairs, then the right rows no left row matched; left columns nullable, the right's kept", () => {
    const right = aq.table({ customer_id: [1, 2, 5], name: ["Ann", "Bo", "Eve"] });
    const out = pipe(typedOrders())
      .transform(join, {
        right: typedTable(right, {
          customer_id: { type: "int", nullable: false },
          name: { type: "string", nullable: false },
        }),
        on: ["customer_id"],
        how: "right",
      })
      .run().table;
    expect(out.objects()).toEqual([
      { customer_id: 2, amount: 10, name: "Bo" },
      { customer_id: 1, amount: 40, name: "Ann" },
      { customer_id: 5, amount: null, name: "Eve" },
    ]);
    // every row has a right row: the key is the right's (not null), the name kept; the amount may be missing
    expect(schemaOf(out)).toMatchObject({
      customer_id: { type: "int", nullable: false },
      amount: { type: "int", nullable: true },
      name: { type: "string", nullable: false },
    });
  });

  it("validates multiplicity, and refuses clashing column names, naming them", () => {
    expect(() => join(orders, { right: customers(), on: ["customer_id"], validate: "many-to-one" })).toThrow(
      'join: validate "many-to-one": the key (customer_id = 2) appears more than once in the right table',
    );
    const clash = aq.table({ customer_id: [1], amount: [5] });
    expect(() => join(orders, { right: clash, on: ["customer_id"] })).toThrow(
      'step "join" adds column "amount", but the table already has "amount" (int)',
    );
    expect(() =>
      join(orders, { right: aq.table({ customer_id: ["1"], x: [1] }), on: ["customer_id"] }),
    ).toThrow(/key "customer_id" holds numbers on the left but strings on the right/);
  });

  it("says in its contract that it adds the right's non-key columns, so a later step may read them", () => {
    expect(
      pipe(orders)
        .transform(join, { right: customers(), on: ["customer_id"], how: "left" })
        .check(),
    ).toEqual(["customer_id", "amount", "name"]);
    expect(
      pipe(orders)
        .transform(join, { right: customers(), on: ["customer_id"], how: "anti" })
        .check(),
    ).toEqual(["customer_id", "amount"]);
    const named = pipe(orders)
      .transform(join, { right: customers(), on: ["customer_id"] })
      .transform(select, { columns: ["name"] })
      .value();
    expect(named.array("name")).toEqual(["Bo", "Bob", "Ann"]);
  });

  it("agrees with a nested-loop reference on random tables with nulls and duplicate keys", () => {
    fc.assert(
      fc.property(
        orderRows,
        orderRows,
        fc.constantFrom("inner", "left", "right", "full", "semi", "anti" as const),
        (l, r, how) => {
          const right = ordersTable(r).select("customer_id", "status").rename({ status: "right_status" });
          const out = join(ordersTable(l), { right, on: ["customer_id"], how });
          const matches = (a: OrderRow) =>
            r.filter((b) => a.customer_id !== null && a.customer_id === b.customer_id);
          const expected = l.flatMap((a): object[] => {
            const m = matches(a);
            if (how === "semi") return m.length > 0 ? [a] : [];
            if (how === "anti") return m.length === 0 ? [a] : [];
            if (m.length === 0)
              return how === "inner" || how === "right" ? [] : [{ ...a, right_status: null }];
            return m.map((b) => ({ ...a, right_status: b.status }));
          });
          // a full or right join's right rows that no left row matched, in the right's order, keys from the right
          const unmatched = r
            .filter((b) => !l.some((a) => a.customer_id !== null && a.customer_id === b.customer_id))
            .map((b) => ({
              customer_id: b.customer_id,
              status: null,
              amount: null,
              ordered_at: null,
              right_status: b.status,
            }));
          const withUnmatched = how === "full" || how === "right";
          expect(out.objects()).toEqual(withUnmatched ? [...expected, ...unmatched] : expected);
        },
      ),
    );
  });

  it("on number keys held in Float64Arrays (a hash join) agrees with a nested-loop reference", () => {
    // small whole numbers are looked up by direct indexing; fractions and far-apart values by hashing
    const narrow = fc.constantFrom(0, -0, 1, 2, 3, 7, Number.NaN);
    const wide = fc.constantFrom(0, -0, 1.5, -2.25, 1e15, -1e15, 3, Number.NaN);
    fc.assert(
      fc.property(
        fc
          .constantFrom(narrow, wide)
          .chain((key) => fc.tuple(fc.array(key, { maxLength: 12 }), fc.array(key, { maxLength: 12 }))),
        fc.constantFrom("inner", "left", "right", "full", "semi", "anti" as const),
        ([leftKeys, rightKeys], how) => {
          const left = aq.table({ k: Float64Array.from(leftKeys), i: leftKeys.map((_, i) => i) });
          const right = aq.table({ k: Float64Array.from(rightKeys), j: rightKeys.map((_, j) => j) });
          const out = join(left, { right, on: ["k"], how });
          const expected = leftKeys.flatMap((a, i): object[] => {
            const m = rightKeys.flatMap((b, j) => (!Number.isNaN(a) && a === b ? [j] : []));
            if (how === "semi") return m.length > 0 ? [{ i }] : [];
            if (how === "anti") return m.length === 0 ? [{ i }] : [];
            if (m.length === 0) return how === "inner" || how === "right" ? [] : [{ i, j: null }];
            return m.map((j) => ({ i, j }));
          });
          const unmatched = rightKeys.flatMap((b, j) =>
            leftKeys.some((a) => !Number.isNaN(a) && a === b) ? [] : [{ i: null, j }],
          );
          expect(out.select(out.columnNames().filter((c) => c !== "k")).objects()).toEqual(
            how === "full" || how === "right" ? [...expected, ...unmatched] : expected,
          );
        },
      ),
    );
  });

  it("names the first repeated right key of a many-to-one join on number keys", () => {
    const left = aq.table({ k: Float64Array.of(1, 2) });
    const right = aq.table({ k: Float64Array.of(5, 1.5, 9, 1.5, 5), v: [1, 2, 3, 4, 5] });
    expect(() => join(left, { right, on: ["k"], validate: "many-to-one" })).toThrow(
      'join: validate "many-to-one": the key (k = 5) appears more than once in the right table',
    );
    expect(join(left, { right: right.slice(1, 3), on: ["k"], validate: "many-to-one" }).numRows()).toBe(0);
  });

  it("names the same repeated right key on the number-key and the generic path, whatever the left holds", () => {
    // right: 2 is the first right row whose key appears again; left lists 5 first (the generic path once
    // named the group numbered first over the left rows).
    const right = aq.table({
      k: Float64Array.of(7, 2, 5, 2, 5, Number.NaN, Number.NaN),
      v: [1, 2, 3, 4, 5, 6, 7],
    });
    const message = 'join: validate "many-to-one": the key (k = 2) appears more than once in the right table';
    const numberKeys = aq.table({ k: Float64Array.of(5, 2) }); // Float64Array on both sides: the number path
    const genericKeys = aq.table({ k: [5, null, 2] }); // a plain array: the generic path
    expect(numberKeys.column("k")).toBeInstanceOf(Float64Array);
    expect(genericKeys.column("k")).not.toBeInstanceOf(Float64Array);
    for (const left of [numberKeys, genericKeys]) {
      for (const how of ["inner", "left", "semi", "anti"] as const) {
        expect(() => join(left, { right, on: ["k"], how, validate: "many-to-one" })).toThrow(message);
      }
      expect(() => join(left, { right, on: ["k"], validate: "one-to-one" })).toThrow(
        message.replace("many-to-one", "one-to-one"),
      );
    }
    // strings and two keys: the first right row whose key repeats later, missing keys never counting
    const two = aq.table({
      a: ["x", "y", null, "x", "y", "x", null],
      b: [1, 2, 3, 2, 2, 1, 3],
      v: [1, 2, 3, 4, 5, 6, 7],
    });
    for (const left of [aq.table({ a: ["y", "x"], b: [2, 1] }), aq.table({ a: ["x"], b: [1] })]) {
      expect(() => join(left, { right: two, on: ["a", "b"], validate: "many-to-one" })).toThrow(
        'join: validate "many-to-one": the key (a = "x", b = 1) appears more than once in the right table',
      );
    }
    // -0 and 0 are one key; Dates by time
    expect(() =>
      join(aq.table({ k: [1] }), { right: aq.table({ k: [3, 0, -0] }), on: ["k"], validate: "many-to-one" }),
    ).toThrow("the key (k = 0) appears more than once");
    const t = (ms: number) => new Date(ms);
    expect(() =>
      join(aq.table({ d: [t(1)] }), {
        right: aq.table({ d: [t(5), t(1), new Date(Number.NaN), new Date(Number.NaN), t(1)] }),
        on: ["d"],
        validate: "many-to-one",
      }),
    ).toThrow(/the key \(d = .*1970-01-01T00:00:00\.001Z.*\) appears more than once/);
  });

  it("names the first left row whose key appears again later in a one-to-one join", () => {
    const right = aq.table({ k: [1, 2, 3], v: [1, 2, 3] });
    for (const left of [
      aq.table({ k: Float64Array.of(3, 1, 2, 1, 3) }),
      aq.table({ k: [3, null, 1, 2, null, 1, 3] }),
    ]) {
      expect(() => join(left, { right, on: ["k"], validate: "one-to-one" })).toThrow(
        'join: validate "one-to-one": the key (k = 3) appears more than once in the left table',
      );
    }
  });

  it("keeps left rows matched once each as a view sharing the left's columns, not a copy", () => {
    const left = aq.table({ k: Float64Array.of(1, 2, 3, 9), amount: Float64Array.of(10, 20, 30, 40) });
    const right = aq.table({ k: Float64Array.of(3, 1, 2), name: ["c", "a", "b"] });
    const out = join(left, { right, on: ["k"] });
    expect(out.isFiltered()).toBe(true);
    expect(out.column("amount")).toBe(left.column("amount"));
    expect(out.objects()).toEqual([
      { k: 1, amount: 10, name: "a" },
      { k: 2, amount: 20, name: "b" },
      { k: 3, amount: 30, name: "c" },
    ]);
    // a right key held twice repeats a left row: a copy
    const twice = join(left, { right: right.concat(aq.table({ k: [1], name: ["a2"] })), on: ["k"] });
    expect(twice.isFiltered()).toBe(false);
    expect(twice.array("name")).toEqual(["a", "a2", "b", "c"]);
  });
});
