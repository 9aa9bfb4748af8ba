/** The parity of numbers cast to text: `castColumns` to `string` and the expression `cast`, byte for byte. */
import { add, cast, col, pipe, typedTable } from "@tablepipe/core";
import { castColumns, derive } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the tables with. */
const TYPES = { x: "float", n: "int" } as const;

/** What an engine writes as JavaScript's `String(x)` does besides whole numbers below 2^53. */
export interface FloatTextRange {
  /** The smallest magnitude of a number with a fraction written as JavaScript writes it (DuckDB: 1e-4). */
  readonly smallest: number;
  /** Numbers past 2^53 in magnitude (infinities included) the engine also writes as JavaScript does. */
  readonly beyond: readonly number[];
}

/** Ordinary numbers: fractions past 1e7 and below 1e-3 (Java's E notation), whole numbers, -0, halves, thirds. */
const ORDINARY: readonly number[] = [
  12345678.5,
  0.0005,
  10000000,
  9999999.5,
  123456789.125,
  0.1,
  1 / 3,
  -2 / 3,
  2.5,
  -0,
  0,
  0.001,
  0.0001,
  -0.00012345678901234567,
  1e15 + 0.5,
  2 ** 52 - 0.5,
  -(2 ** 53 - 1),
  2 ** 53 - 1,
  1e7,
  -1e7 - 0.25,
  0.30000000000000004,
  4503599627370495.5,
];

/** A float column `x` of the numbers, nullable (a null row last). */
function floats(x: readonly number[]): ColumnTable {
  return typedTable(aq.table({ x: [...x, null] }), { x: { type: "float", nullable: true } });
}

/** The pipe on the engine, every step there, as in process; the columns `names` compared by value (texts byte for byte). */
async function textsOnEngine(
  p: ReturnType<typeof pipe<string>>,
  engine: ParityEngine,
  names: readonly string[],
): Promise<void> {
  const reference = p.run().table;
  const result = await expectParity(p, engine, TYPES);
  expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
  for (const name of names) {
    expect(Array.from(result.table.array(name) as ArrayLike<unknown>), name).toEqual(
      Array.from(reference.array(name) as ArrayLike<unknown>),
    );
  }
}

/** Every cast to text of column `x`: the step, the expression on the column, and on arithmetic. */
async function allCasts(x: readonly number[], engine: ParityEngine): Promise<void> {
  await textsOnEngine(pipe(floats(x)).transform(castColumns, { columns: { x: "string" } }), engine, ["x"]);
  const derived = pipe(floats(x)).transform(derive, {
    columns: { s: cast(col("x"), "string"), t: cast(add(col("x"), 0), "string") },
  });
  await textsOnEngine(derived, engine, ["s", "t"]);
}

/** A random double of magnitude from `smallest` to below 2^53: random digits, few digits, whole, negative. */
function randomNumber(smallest: number): fc.Arbitrary<number> {
  const low = Math.ceil(Math.log10(smallest));
  // half of them from 1e-6 on, where JavaScript writes plain decimals
  const exponent = fc.oneof(
    fc.integer({ min: Math.max(low, -6), max: 15 }),
    fc.integer({ min: low, max: 15 }),
  );
  return fc
    .tuple(
      exponent,
      fc.double({ min: 1, max: 10, maxExcluded: true, noNaN: true }),
      fc.constantFrom("digits", "few", "whole"),
      fc.integer({ min: 1, max: 16 }),
      fc.boolean(),
    )
    .map(([exponent, mantissa, kind, digits, negative]) => {
      let x = mantissa * 10 ** exponent;
      if (kind === "few") x = Number(x.toPrecision(digits));
      if (kind === "whole") x = Math.trunc(x);
      x = Math.min(x, 2 ** 53 - 1);
      return negative ? -x : x;
    })
    .filter((x) => Number.isInteger(x) || Math.abs(x) >= smallest);
}

/**
 * Numbers cast to text on one SQL engine as JavaScript's `String(x)` writes them, byte for byte: `castColumns`
 * to `string`, the expression `cast` of a float column and of arithmetic, an int column; ordinary numbers (which
 * Java writes as `1.23456785E7`), random ones of every magnitude in `range`, and those `range.beyond` lists.
 */
export function describeFloatTextParity(engine: ParityEngine, enabled: boolean, range: FloatTextRange): void {
  describe.runIf(enabled)(
    `numbers cast to text on ${engine.name}: JavaScript's String(x), byte for byte`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("ordinary numbers: fractions from 1e7 and below 1e-3, whole numbers, -0, up to 2^53", async () => {
        await allCasts(ORDINARY, engine);
        const p = pipe(floats([12345678.5, 0.0005, 123456789.125])).transform(castColumns, {
          columns: { x: "string" },
        });
        const result = await engine.run(p, TYPES);
        expect(result.table.array("x")).toEqual(["12345678.5", "0.0005", "123456789.125", null]);
      });

      it("an int column, past 2^32 and up to 2^53", async () => {
        const n = [2 ** 53 - 1, -(2 ** 53) + 1, 1e15, 0, -7, 2 ** 32, null];
        const ints = typedTable(aq.table({ n }), { n: { type: "int", nullable: true } });
        await textsOnEngine(pipe(ints).transform(castColumns, { columns: { n: "string" } }), engine, ["n"]);
        const derived = pipe(ints).transform(derive, { columns: { s: cast(col("n"), "string") } });
        await textsOnEngine(derived, engine, ["s"]);
      });

      if (range.beyond.length > 0) {
        it("numbers past 2^53, infinities, and those below 1e-6 it writes as JavaScript does", async () => {
          await allCasts(range.beyond, engine);
        });
      }

      it("random numbers of every magnitude in its range, negative and whole ones among them", async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(randomNumber(range.smallest), { minLength: 1, maxLength: 200 }), (x) =>
            allCasts(x, engine),
          ),
          { numRuns: engine.runs },
        );
      });
    },
  );
}
