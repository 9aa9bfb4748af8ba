/** The parity of the number functions `abs`, `floor` and `ceil`, bit for bit (`-0` included). */
import {
  abs,
  add,
  cast,
  ceil,
  col,
  div,
  type ExprNode,
  floor,
  gt,
  lit,
  mul,
  neg,
  pipe,
  schemaOf,
  sub,
  typedTable,
} from "@tablepipe/core";
import { castColumns, derive, filter } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnCells } from "./column-cells";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";
import { STAMPS } from "./random-tables";

/** The column types the engine loads the tables with. */
const TYPES = { x: "float", i: "int", at: "timestamp", s: "string" } as const;

const INF = Number.POSITIVE_INFINITY;

/** Floats at the edges: -0, fractions either side of a whole number, past 2^52, 2^53 and 2^63, tiny, infinite. */
const EDGE_FLOATS: readonly (number | null)[] = [
  -2.5,
  -0.5,
  -0,
  0,
  0.5,
  1.5,
  null,
  -1e-300,
  1e-300,
  0.49999999999999994,
  -1.0000000000000002,
  2 ** 52 - 0.5,
  -(2 ** 52 - 0.5),
  2 ** 53 + 2,
  9.3e18,
  -9.3e18,
  1e300,
  -1e300,
  INF,
  -INF,
];

/** Ints at the edges: 0 and -0 (an int column's BIGINT has no -0), the largest safe ints. */
const EDGE_INTS: readonly (number | null)[] = [-7, 0, -0, 5, null, 2 ** 53 - 1, -(2 ** 53 - 1)];

/** Ints past 2^53, and -2^63, whose abs no BIGINT holds (DuckDB and Spark load them). */
const BIG_INTS: readonly number[] = [2 ** 53 + 2, -(2 ** 62), -(2 ** 63)];

/** A typed table of floats `x`, ints `i` (int, nullable) and time stamps `at`, one row per float. */
function numbers(x: readonly (number | null)[], ints: readonly (number | null)[]): ColumnTable {
  const i = x.map((_, k) => ints[k % ints.length] ?? null);
  const at = x.map((_, k) => (k % 4 === 3 ? null : (STAMPS[k % STAMPS.length] as number)));
  return typedTable(aq.table({ x: [...x], i, at }), {
    x: { type: "float", nullable: true },
    i: { type: "int", nullable: true },
    at: { type: "timestamp", nullable: true },
  });
}

/** A column's cells as compared bit for bit (see {@link columnCells}). */
const cells = columnCells;

const FUNCTIONS = { abs, floor, ceil } as const;

/** Every function of every column of `numbers`, and a few compositions. */
function applied(): Record<string, ExprNode> {
  const columns: Record<string, ExprNode> = {};
  for (const [name, f] of Object.entries(FUNCTIONS)) {
    for (const arg of ["x", "i", "at"]) columns[`${name}_${arg}`] = f(col(arg));
  }
  columns.floor_third = floor(div(col("x"), 3));
  columns.ceil_abs_plus = add(ceil(abs(col("x"))), 1);
  return columns;
}

/**
 * `abs`, `floor` and `ceil` for one SQL engine, equal to the in-process run bit for bit: null stays null, an
 * infinity stays itself, a zero result is `0` (never `-0`), an int column's result an `int` column (declared as in
 * process), a time stamp its epoch milliseconds; refused on strings with the in-process error. `bigInts`: the
 * cases hold ints past 2^53, and -2^63 (DuckDB and Spark both load them).
 */
export function describeNumberFunctionsParity(engine: ParityEngine, enabled = true, bigInts = false): void {
  const edgeInts = bigInts ? [...EDGE_INTS, ...BIG_INTS] : EDGE_INTS;
  /** The pipe on the engine, every step there, as in process; each column's cells, compared bit for bit. */
  async function onEngine(p: ReturnType<typeof pipe<string>>): Promise<ColumnTable> {
    const reference = p.run().table;
    const result = await expectParity(p, engine, TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    // the inputs are compared by expectParity (-0 and 0 alike: an int column's BIGINT holds no -0)
    for (const name of reference.columnNames().filter((n) => !Object.hasOwn(TYPES, n))) {
      const own = cells(result.table, name);
      expect(own, name).toEqual(cells(reference, name));
      expect(
        own.some((v) => Object.is(v, -0)),
        name,
      ).toBe(false);
    }
    return result.table;
  }

  describe.runIf(enabled)(
    `abs, floor and ceil on ${engine.name}, bit for bit as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("on edge values: -0, fractions, past 2^52, 2^53 and 2^63, tiny, infinite, null", async () => {
        const table = await onEngine(
          pipe(numbers(EDGE_FLOATS, edgeInts)).transform(derive, { columns: applied() }),
        );
        expect(cells(table, "ceil_x").slice(0, 6)).toEqual([-2, 0, 0, 0, 1, 2]);
        expect(cells(table, "floor_x").slice(16, 20)).toEqual([1e300, -1e300, INF, -INF]);
        if (bigInts) expect(cells(table, "abs_i")).toContain(2 ** 63);
        expect(Object.is(cells(table, "ceil_x")[1], 0)).toBe(true);
      });

      it("an int stays an int column, a float a float column, as in process declares them", async () => {
        const p = pipe(numbers([1.5, -0.5, null], edgeInts)).transform(derive, { columns: applied() });
        const { table } = await expectParity(p, engine, TYPES); // the same schema as in process
        const schema = schemaOf(table);
        for (const name of ["abs_i", "floor_i", "ceil_i"]) expect(schema[name]?.type).toBe("int");
        for (const name of ["floor_x", "ceil_x", "floor_at", "floor_third"])
          expect(schema[name]?.type).toBe("float");
        expect(schema.abs_x).toEqual({ type: "float", nullable: true });
      });

      it("in a filter, and cast to a string as JavaScript writes the number", async () => {
        const rows = [-2.5, -0.5, -0, 0.25, 3, null, 1234.75];
        await onEngine(
          pipe(numbers(rows, edgeInts)).transform(filter, { where: gt(ceil(col("x")), floor(col("x"))) }),
        );
        await onEngine(
          pipe(numbers(rows, [-7, 0, 5, null])).transform(derive, {
            columns: {
              f: cast(floor(col("x")), "string"),
              c: cast(ceil(col("x")), "string"),
              a: cast(abs(col("i")), "string"),
            },
          }),
        );
      });

      it("on random doubles and ints (nulls, -0, subnormals, infinities)", async () => {
        const double = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(-0, -0.5, 0.5, null));
        const int = fc.oneof(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constant(null));
        await fc.assert(
          fc.asyncProperty(fc.array(fc.tuple(double, int), { maxLength: 30 }), async (rows) => {
            const x = rows.map(([v]) => v);
            const i = rows.map(([, v]) => v);
            await onEngine(
              pipe(numbers(x, i.length === 0 ? [null] : i)).transform(derive, { columns: applied() }),
            );
          }),
          { numRuns: engine.runs },
        );
      });

      it("an int result is 0, never -0: a cast to int, castColumns, a negation, a product, an int -0 literal", async () => {
        const rows = [-0.5, -0.2, -0, 0, 0.5, null];
        const ints = [0, -3, -0, null];
        const table = await onEngine(
          pipe(numbers(rows, ints)).transform(derive, {
            columns: {
              cast_x: cast(col("x"), "int"),
              cast_div: cast(div(col("x"), 7), "int"),
              neg_i: neg(col("i")),
              mul_i: mul(col("i"), -3),
              mul_ii: mul(col("i"), col("i")),
              sub_i: sub(mul(col("i"), -1), 0),
              zero: lit(-0),
              neg_zero: neg(lit(0)),
            },
          }),
        );
        expect(Object.is(cells(table, "cast_x")[0], 0)).toBe(true);
        const onIt = await engine.run(
          pipe(numbers(rows, ints)).transform(castColumns, { columns: { x: "int" } }),
          TYPES,
        );
        const inProcess = pipe(numbers(rows, ints))
          .transform(castColumns, { columns: { x: "int" } })
          .value();
        expect(cells(inProcess, "x")).toEqual([0, 0, 0, 0, 0, null]);
        expect(cells(inProcess, "x").some((v) => Object.is(v, -0))).toBe(false);
        expect(cells(onIt.table, "x")).toEqual(cells(inProcess, "x"));
      });

      it("a cast of floor to int past 2^63 fails with the in-process error, naming the row", async () => {
        await expectSameFailure(
          pipe(numbers([1.5, 1e20], [1])).transform(derive, { columns: { n: cast(floor(col("x")), "int") } }),
          engine,
          TYPES,
          /^derive: column "n": cast\(floor\(col\("x"\)\), "int"\): cannot convert 100000000000000000000 to int \(row 1\): expected a number from -2\^63 to below 2\^63$/,
        );
      });

      it("refuses strings and booleans with the in-process error, before any row is read", async () => {
        const strings = typedTable(aq.table({ s: ["1.5", null] }), { s: { type: "string", nullable: true } });
        await expectSameFailure(
          pipe(strings).transform(derive, { columns: { n: floor(col("s")) } }),
          engine,
          TYPES,
          /^derive: column "n": floor\(col\("s"\)\): expected numbers, but column "s" holds strings$/,
        );
        await expectSameFailure(
          pipe(strings).transform(filter, { where: gt(abs(gt(col("s"), "1")), 0) }),
          engine,
          TYPES,
          /abs\(gt\(col\("s"\), "1"\)\): expected numbers, but gt\(col\("s"\), "1"\) gives booleans$/,
        );
      });
    },
  );
}
