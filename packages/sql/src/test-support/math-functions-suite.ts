/**
 * The parity of `round`, `mod`, `sqrt`, `greatest`, `least`, `clip`, `between` and `nullIf` (bit for bit, `-0`
 * included), `ln`, `exp` and `pow` (to the last places).
 */
import {
  add,
  between,
  cast,
  clip,
  col,
  div,
  type ExprNode,
  exp,
  greatest,
  gt,
  least,
  ln,
  mod,
  nullIf,
  pipe,
  pow,
  round,
  schemaOf,
  sqrt,
  timestamp,
  typedTable,
} from "@tablepipe/core";
import { derive, filter } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnCells } from "./column-cells";
import { expectParity, type ParityEngine } from "./expect-parity";
import { STAMPS } from "./random-tables";

/** The column types the engine loads the tables with. */
const TYPES = { x: "float", y: "float", i: "int", j: "int", at: "timestamp" } as const;

const INF = Number.POSITIVE_INFINITY;

/** Floats at the edges: halves, -0, values just below a half, past 2^52, tiny, huge, infinite. */
const EDGE_FLOATS: readonly (number | null)[] = [
  2.5,
  -2.5,
  0.5,
  -0.5,
  -0,
  0,
  null,
  1.005,
  2.675,
  -1.005,
  0.49999999999999994,
  1234.5678,
  -0.3,
  7,
  -7.25,
  2 ** 52 - 0.5,
  -(2 ** 52 - 1.5),
  -1.5,
  -0.49999999999999994,
  2 ** 53 + 2,
  1e-300,
  1e300,
  -1e300,
  INF,
  -INF,
];

/** Divisors and second operands: signs, zeros, fractions, an infinity. */
const EDGE_DIVISORS: readonly (number | null)[] = [3, -3, 0.5, -0, 0, null, 2, INF, 1e-300, 7.5, -2];

/** Ints at the edges: signs, 0, a multiple of the divisors, the largest safe ints. */
const EDGE_INTS: readonly (number | null)[] = [-7, 0, 5, null, 6, -4, 1250, 2 ** 53 - 1, -(2 ** 53 - 1)];

/** A typed table: floats `x`, `y`; ints `i`, `j`; time stamps `at`, one row per `x`. */
function numbers(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
  ints: readonly (number | null)[],
): ColumnTable {
  const at = (k: number) => (k % 5 === 4 ? null : (STAMPS[k % STAMPS.length] as number));
  const nth = <T>(values: readonly T[], k: number, shift = 0): T | null =>
    values.length === 0 ? null : (values[(k + shift) % values.length] ?? null);
  return typedTable(
    aq.table({
      x: [...x],
      y: x.map((_, k) => nth(y, k)),
      i: x.map((_, k) => nth(ints, k)),
      j: x.map((_, k) => nth(ints, k, 3)),
      at: x.map((_, k) => at(k)),
    }),
    {
      x: { type: "float", nullable: true },
      y: { type: "float", nullable: true },
      i: { type: "int", nullable: true },
      j: { type: "int", nullable: true },
      at: { type: "timestamp", nullable: true },
    },
  );
}

/** A column's cells as compared bit for bit (see {@link columnCells}). */
const cells = columnCells;

/** Whether two columns' cells are the same values, `-0` told from `0`. */
const sameBits = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, k) => Object.is(v, b[k]));

/** The columns compared bit for bit: every round, mod and sqrt of the table's columns, and compositions. */
function exact(): Record<string, ExprNode> {
  return {
    round_x: round(col("x")),
    round_x2: round(col("x"), 2),
    round_x_1: round(col("x"), 1),
    round_x_neg2: round(col("x"), -2),
    round_i_neg1: round(col("i"), -1),
    round_i: round(col("i"), 3),
    round_at: round(col("at"), -5),
    round_ratio: round(div(col("x"), col("y")), 4),
    round_nested: round(round(round(col("x"), 3), 2), -1),
    mod_xy: mod(col("x"), col("y")),
    mod_ij: mod(col("i"), col("j")),
    mod_i3: mod(col("i"), 3),
    mod_x_half: mod(col("x"), 0.5),
    mod_at: mod(col("at"), 3_600_000),
    sqrt_x: sqrt(col("x")),
    sqrt_i: sqrt(col("i")),
    sqrt_sum: sqrt(add(col("x"), col("y"))),
    greatest_xy: greatest(col("x"), col("y")),
    least_xi: least(col("x"), col("i"), 2.5),
    greatest_ij: greatest(col("i"), col("j")),
    least_at: least(col("at"), timestamp("2018-03-11 02:30:00")),
    clipped: least(greatest(round(col("x"), 1), -100), 100),
    clip_x: clip(col("x"), -2.5, 7),
    clip_i: clip(col("i"), 0, 100),
    clip_at: clip(col("at"), timestamp("2018-03-11 02:30:00"), timestamp("2018-11-04 01:30:00")),
    between_x: between(col("x"), -1, col("y")),
    between_i: between(col("i"), -5, 6),
    nullif_xy: nullIf(col("x"), col("y")),
    nullif_i: nullIf(col("i"), 0),
  };
}

/** The columns an engine's math library computes: equal to the last places (the parity check's tolerance). */
function approximate(): Record<string, ExprNode> {
  return {
    ln_x: ln(col("x")),
    ln_i: ln(col("i")),
    exp_x: exp(col("x")),
    exp_ln: exp(ln(col("y"))),
    pow_xy: pow(col("x"), col("y")),
    pow_ij: pow(col("i"), col("j")),
    pow_x2: pow(col("x"), 2),
    pow_root: pow(col("at"), 0.5),
  };
}

/**
 * `round`, `mod` and `sqrt` for one SQL engine, equal to the in-process run bit for bit (halves away from zero on
 * the scaled double, `mod` with the sign of the left and null by zero, no root of a negative number), and `ln`
 * and `exp` equal to the last places; each as in process declares its type.
 */
export function describeMathFunctionsParity(engine: ParityEngine, enabled = true): void {
  async function onEngine(columns: Record<string, ExprNode>, table: ColumnTable): Promise<ColumnTable> {
    const p = pipe(table).transform(derive, { columns });
    const reference = p.run().table;
    const result = await expectParity(p, engine, TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    for (const name of Object.keys(columns)) {
      if (name.startsWith("ln_") || name.startsWith("exp_") || name.startsWith("pow_")) continue;
      const own = cells(result.table, name);
      expect(
        sameBits(own, cells(reference, name)),
        `${name}: ${own.map(String)} vs ${cells(reference, name).map(String)}`,
      ).toBe(true);
    }
    return result.table;
  }

  describe.runIf(enabled)(
    `round, mod, sqrt, ln and exp on ${engine.name}, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("on edge values: halves, values just below a half, -0, past 2^52, tiny, huge, infinite, zero divisors", async () => {
        const table = await onEngine(
          { ...exact(), ...approximate() },
          numbers(EDGE_FLOATS, EDGE_DIVISORS, EDGE_INTS),
        );
        expect(cells(table, "round_x").slice(0, 6)).toEqual([3, -3, 1, -1, 0, 0]);
        expect(cells(table, "round_x2").slice(7, 10)).toEqual([1, 2.68, -1]); // 1.005 × 100 is 100.49999999999999, 2.675 × 100 is 267.5
        expect(cells(table, "round_x_neg2")[11]).toBe(1200);
        // by -0 and by 0: null; a float's remainder keeps the sign of the left, -0 too
        expect(cells(table, "mod_xy").slice(0, 5)).toEqual([2.5, -2.5, 0, null, null]);
        expect(Object.is(cells(table, "mod_x_half")[3], -0)).toBe(true);
        expect(cells(table, "sqrt_x").slice(0, 4)).toEqual([Math.sqrt(2.5), null, Math.sqrt(0.5), null]);
        expect(cells(table, "ln_x")[5]).toBeNull();
        // nulls skipped: x null, y 2 in row 6; -0 against 0 gives 0
        expect(cells(table, "greatest_xy").slice(4, 7)).toEqual([0, 0, 2]);
        expect(Object.is(cells(table, "greatest_xy")[4], 0)).toBe(true);
      });

      it("pow: null where JavaScript's ** is NaN (C's pow gives 1 for ±1 to an infinite power), else the same", async () => {
        const pairs: [number | null, number | null][] = [
          [1, INF],
          [-1, -INF],
          [-8, 1 / 3],
          [-8, 3],
          [0, -1],
          [-0, -1],
          [-0, 3],
          [2, 1023.9],
          [10, 400],
          [null, 0],
          [0, null],
          [-2, INF],
          [1.1, 100.5],
          [2, -1074],
          [-INF, 0.5],
          [-INF, -1.5],
          [-INF, 3],
        ];
        const table = await onEngine(
          { pow_xy: pow(col("x"), col("y")) },
          numbers(
            pairs.map(([x]) => x),
            pairs.map(([, y]) => y),
            [],
          ),
        );
        const got = cells(table, "pow_xy");
        expect(got.slice(0, 3)).toEqual([null, null, null]);
        expect(got.slice(9, 11)).toEqual([null, null]);
        // exact results, bit for bit: -0 to an odd power is -0, to a negative one -Infinity
        expect(sameBits(got.slice(3, 8), [-512, INF, -INF, -0, 2 ** 1023.9])).toBe(true);
        expect(sameBits([got[8], got[11], got[13]], [INF, INF, 5e-324])).toBe(true);
        // -Infinity to a fraction is no NaN: an infinity, or 0
        expect(sameBits(got.slice(14), [INF, 0, -INF])).toBe(true);
      });

      it("types an int's round and mod as ints, the rest as floats, as in process declares them", async () => {
        const p = pipe(numbers([1.5, -0.5, null], [2], [7, -3])).transform(derive, {
          columns: { ...exact(), ...approximate() },
        });
        const { table } = await expectParity(p, engine, TYPES); // the same schema as in process
        const schema = schemaOf(table);
        for (const name of ["round_i", "round_i_neg1", "mod_ij", "mod_i3"])
          expect(schema[name]?.type).toBe("int");
        for (const name of ["round_x2", "mod_xy", "sqrt_i", "ln_i", "exp_x", "pow_ij", "pow_xy"])
          expect(schema[name]?.type).toBe("float");
      });

      it("greatest and least of strings, booleans and time stamps, nulls skipped", async () => {
        const day = (d: number) => Date.UTC(2024, 0, d);
        const table = typedTable(
          aq.table({
            s: ["b", null, "Z", "é", ""],
            t: ["a", "x", null, "e", " "],
            p: [true, null, false, false, null],
            q: [false, true, null, false, null],
            a: [day(3), null, day(1), day(2), null],
            b: [day(2), day(5), null, day(2), null],
          }),
          {
            s: { type: "string", nullable: true },
            t: { type: "string", nullable: true },
            p: { type: "boolean", nullable: true },
            q: { type: "boolean", nullable: true },
            a: { type: "timestamp", nullable: true },
            b: { type: "timestamp", nullable: true },
          },
        );
        const columns = {
          top: greatest(col("s"), col("t")),
          bottom: least(col("s"), col("t"), "c"),
          any: greatest(col("p"), col("q")),
          all: least(col("p"), col("q")),
          later: greatest(col("a"), col("b")),
          sooner: least(col("a"), col("b")),
        };
        const p = pipe(table).transform(derive, { columns });
        const result = await expectParity(p, engine, {
          s: "string",
          t: "string",
          p: "boolean",
          q: "boolean",
          a: "timestamp",
          b: "timestamp",
        });
        expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        expect(cells(result.table, "top")).toEqual(["b", "x", "Z", "é", " "]);
        expect(cells(result.table, "all")).toEqual([false, true, false, false, null]);
        expect(cells(result.table, "later")).toEqual([day(3), day(5), day(1), day(2), null]);
      });

      it("in a filter, and cast to a string as JavaScript writes the number", async () => {
        const table = numbers([2.345, -0.5, 10.25, null, 7], [3], [4, 9]);
        const kept = pipe(table).transform(filter, { where: gt(round(col("x"), 1), mod(col("i"), 5)) });
        await expectParity(kept, engine, TYPES);
        await onEngine(
          { text: cast(round(col("x"), 1), "string"), rest: cast(mod(col("i"), 3), "string") },
          table,
        );
      });

      it("on random doubles and ints (nulls, -0, subnormals, infinities)", async () => {
        const double = fc.oneof(
          fc.double({ noNaN: true }),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.integer({ min: -100_000, max: 100_000 }).map((k) => k / 1000),
          fc.constantFrom(-0, 0.5, -2.5, null),
        );
        const int = fc.oneof(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: -9, max: 9 }));
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.tuple(double, double, fc.option(int)), { minLength: 1, maxLength: 30 }),
            async (rows) => {
              const table = numbers(
                rows.map(([x]) => x),
                rows.map(([, y]) => y),
                rows.map(([, , i]) => i),
              );
              await onEngine({ ...exact(), ...approximate() }, table);
            },
          ),
          { numRuns: engine.runs },
        );
      });
    },
  );
}
