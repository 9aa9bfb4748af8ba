import { col, pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { window } from "./window";
import { fillBackward, fillForward } from "./window-functions";

describe("window: fillForward", () => {
  it("fills each missing value with the last one before it in its partition's order; null until one is seen", () => {
    const readings = aq.table({
      sensor: ["a", "b", "a", "a", "b", "a", "b"],
      at: [1, 1, 2, 3, 2, 4, 3],
      level: [null, 7, 10, null, null, 12, 8],
      state: ["on", null, null, "off", null, null, null],
    });
    const out = window(readings, {
      partitionBy: ["sensor"],
      orderBy: ["at"],
      columns: { level_filled: fillForward(col("level")), state_filled: fillForward(col("state")) },
    });
    // a by at: null, 10, null, 12 / on, null, off, null; b: 7, null, 8 / null, null, null
    expect(out.array("level_filled")).toEqual([null, 7, 10, 10, 7, 12, 8]);
    expect(out.array("state_filled")).toEqual(["on", null, "on", "off", null, "off", null]);
  });

  it("keeps the input's type, time stamps and booleans too, nullable only where the input is; NaN is missing", () => {
    const day = (d: number) => Date.UTC(2024, 0, d);
    const typed = typedTable(
      aq.table({
        o: [3, 1, 2, 4],
        at: [null, day(1), day(2), null],
        ok: [true, null, false, null],
        x: [Number.NaN, 1.5, Number.NaN, -0],
        id: [1, 2, 3, 4],
      }),
      {
        o: { type: "int", nullable: false },
        at: { type: "timestamp", nullable: true },
        ok: { type: "boolean", nullable: true },
        x: { type: "float", nullable: true },
        id: { type: "int", nullable: false },
      },
    );
    const out = pipe(typed)
      .transform(window, {
        partitionBy: [],
        orderBy: ["o"],
        columns: {
          at_f: fillForward(col("at")),
          ok_f: fillForward(col("ok")),
          x_f: fillForward(col("x")),
          id_f: fillForward(col("id")),
        },
      })
      .run().table;
    // by o: rows 1 (o 1), 2 (o 2), 0 (o 3), 3 (o 4)
    expect(out.array("at_f")).toEqual([day(2), day(1), day(2), day(2)]);
    expect(out.array("ok_f")).toEqual([true, null, false, true]);
    expect(Array.from(out.array("x_f") as ArrayLike<number>, (v) => (Object.is(v, -0) ? "-0" : v))).toEqual([
      1.5,
      1.5,
      1.5,
      "-0",
    ]);
    expect(schemaOf(out)).toMatchObject({
      at_f: { type: "timestamp", nullable: true },
      ok_f: { type: "boolean", nullable: true },
      id_f: { type: "int", nullable: false },
    });
  });

  it("agrees with a scan back from each row, whatever the partitions, order and values", () => {
    const value = fc.option(fc.constantFrom("p", "q", "r"), { freq: 2 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 5 }), value), {
          maxLength: 20,
        }),
        fc.boolean(),
        (rows, down) => {
          const table = aq.table({
            g: rows.map(([g]) => g),
            t: rows.map(([, t]) => t),
            v: rows.map(([, , v]) => v),
            i: rows.map((_, i) => i),
          });
          const out = window(table, {
            partitionBy: ["g"],
            orderBy: ["t", "i"],
            descending: down ? ["t", "i"] : [],
            columns: { f: fillForward(col("v")) },
          });
          const before = (a: (typeof rows)[number] & { i: number }, b: typeof a) =>
            down ? a[1] > b[1] || (a[1] === b[1] && a.i > b.i) : a[1] < b[1] || (a[1] === b[1] && a.i < b.i);
          const indexed = rows.map(
            (row, i) => Object.assign([...row], { i }) as (typeof rows)[number] & { i: number },
          );
          const expected = indexed.map((row) => {
            const earlier = indexed
              .filter((o) => o[0] === row[0] && (o === row || before(o, row)) && o[2] !== null)
              .sort((a, b) => (before(a, b) ? -1 : 1));
            return earlier.length === 0 ? null : earlier[earlier.length - 1]![2];
          });
          expect(out.array("f")).toEqual(expected);
        },
      ),
    );
  });
});

describe("window: fillBackward", () => {
  it("fills each missing value with the next one after it in its partition's order; null after the last", () => {
    const readings = aq.table({
      sensor: ["a", "b", "a", "a", "b", "a", "b"],
      at: [1, 1, 2, 3, 2, 4, 3],
      level: [null, 7, 10, null, null, 12, null],
    });
    const out = window(readings, {
      partitionBy: ["sensor"],
      orderBy: ["at"],
      columns: { level_filled: fillBackward(col("level")) },
    });
    // a by at: null, 10, null, 12; b: 7, null, null
    expect(out.array("level_filled")).toEqual([10, 7, 10, 12, null, 12, null]);
  });

  it("is fillForward in the reverse order, whatever the partitions, order and values; keeps the type", () => {
    const value = fc.option(fc.constantFrom("p", "q", "r"), { freq: 2 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 5 }), value), {
          maxLength: 20,
        }),
        (rows) => {
          const table = aq.table({
            g: rows.map(([g]) => g),
            t: rows.map(([, t]) => t),
            v: rows.map(([, , v]) => v),
            i: rows.map((_, i) => i),
          });
          const ahead = window(table, {
            partitionBy: ["g"],
            orderBy: ["t", "i"],
            columns: { f: fillBackward(col("v")) },
          });
          const back = window(table, {
            partitionBy: ["g"],
            orderBy: ["t", "i"],
            descending: ["t", "i"],
            columns: { f: fillForward(col("v")) },
          });
          expect(ahead.array("f")).toEqual(back.array("f"));
        },
      ),
    );
    const typed = typedTable(aq.table({ o: [2, 1], at: [null, Date.UTC(2024, 0, 1)] }), {
      o: { type: "int", nullable: false },
      at: { type: "timestamp", nullable: true },
    });
    const out = pipe(typed)
      .transform(window, { partitionBy: [], orderBy: ["o"], columns: { at_b: fillBackward(col("at")) } })
      .run().table;
    expect(out.array("at_b")).toEqual([null, Date.UTC(2024, 0, 1)]);
    expect(schemaOf(out).at_b).toEqual({ type: "timestamp", nullable: true });
  });
});
