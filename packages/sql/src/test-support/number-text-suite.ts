/** The parity of numbers cast to text through a `coalesce` or `case`: JavaScript's text (`2`), not SQL's (`2.0`). */
import {
  add,
  caseWhen,
  cast,
  coalesce,
  col,
  eq,
  gt,
  isNull,
  lt,
  max,
  neg,
  type Pipe,
  pipe,
} from "@tablepipe/core";
import { aggregate, derive, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { k: "int", x: "float" } as const;

/** Ints and floats: whole, fractions, negatives, nulls, whole numbers up to 2^53 − 1 in magnitude. */
const numbers = () =>
  aq.table({
    k: [1, -2, null, 2 ** 40, 0, 2 ** 53 - 1, null, -(2 ** 53 - 1)],
    x: [0.5, null, -2, 3, 1e15, null, null, -0.75],
  });

/**
 * The expression cast to `string` of a `coalesce` or `case` whose values are numbers (or null literals) for one SQL
 * engine: the text JavaScript writes, as in process, where SQL would write a whole DOUBLE as `2.0`.
 */
export function describeNumberTextParity(engine: ParityEngine, enabled = true): void {
  /** The pipe on the engine, every step there, as in process; the result's columns by name. */
  async function onEngine(p: Pipe<string>): Promise<Record<string, unknown[]>> {
    const result = await expectParity(p, engine, TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    return Object.fromEntries(
      result.table
        .columnNames()
        .map((name) => [name, Array.from(result.table.array(name) as ArrayLike<unknown>)]),
    );
  }

  describe.runIf(enabled)(
    `numbers cast to text through a coalesce or case on ${engine.name}: JavaScript's text, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("a coalesce of int and float columns and number literals", async () => {
        const p = pipe(numbers()).transform(derive, {
          columns: {
            kx: cast(coalesce(col("k"), col("x")), "string"),
            xk: cast(coalesce(col("x"), col("k")), "string"),
            k0: cast(coalesce(col("k"), 0), "string"),
            x7: cast(coalesce(null, col("x"), 7), "string"),
          },
        });
        const columns = await onEngine(p);
        expect(columns.kx).toEqual([
          "1",
          "-2",
          "-2",
          "1099511627776",
          "0",
          "9007199254740991",
          null,
          "-9007199254740991",
        ]);
        expect(columns.xk).toEqual([
          "0.5",
          "-2",
          "-2",
          "3",
          "1000000000000000",
          "9007199254740991",
          null,
          "-0.75",
        ]);
        expect(columns.k0?.[6]).toBe("0");
        expect(columns.x7?.[1]).toBe("7");
      });

      it("a case of numbers, nulls allowed, nested in a coalesce", async () => {
        const signed = caseWhen(
          [
            [gt(col("x"), 0), col("x")],
            [lt(col("x"), 0), neg(col("k"))],
          ],
          null,
        );
        const p = pipe(numbers()).transform(derive, {
          columns: {
            signed: cast(signed, "string"),
            whole: cast(caseWhen([[isNull(col("k")), 1]], col("k")), "string"),
            nested: cast(coalesce(signed, neg(col("k"))), "string"),
          },
        });
        const columns = await onEngine(p);
        expect(columns.signed).toEqual([
          "0.5",
          null,
          null,
          "3",
          "1000000000000000",
          null,
          null,
          "9007199254740991",
        ]);
        expect(columns.whole).toEqual([
          "1",
          "-2",
          "1",
          "1099511627776",
          "0",
          "9007199254740991",
          "1",
          "-9007199254740991",
        ]);
        expect(columns.nested).toEqual([
          "0.5",
          "2",
          null,
          "3",
          "1000000000000000",
          "-9007199254740991",
          null,
          "9007199254740991",
        ]);
      });

      it("of a column an earlier step derived from a coalesce, a case or arithmetic, or a max of one", async () => {
        const p = pipe(numbers())
          .transform(derive, {
            columns: {
              kx: coalesce(col("k"), col("x")),
              picked: caseWhen([[gt(col("x"), 0), col("k")]], 0),
              next: add(col("x"), 1),
            },
          })
          .transform(derive, {
            columns: {
              kx: cast(col("kx"), "string"),
              picked: cast(col("picked"), "string"),
              next: cast(col("next"), "string"),
            },
          });
        const columns = await onEngine(p);
        expect(columns.kx?.slice(0, 5)).toEqual(["1", "-2", "-2", "1099511627776", "0"]);
        expect(columns.picked).toEqual(["1", "0", "0", "1099511627776", "0", "0", "0", "0"]);
        expect(columns.next).toEqual(["1.5", null, "-1", "4", "1000000000000001", null, null, "0.25"]);
        const top = pipe(numbers())
          .transform(aggregate, { by: [], measures: { top: max(coalesce(col("x"), col("k"))) } })
          .transform(derive, { columns: { top: cast(col("top"), "string") } });
        expect((await onEngine(top)).top).toEqual(["9007199254740991"]);
      });

      it("in a filter: the text compared is JavaScript's", async () => {
        const p = pipe(numbers()).transform(filter, {
          where: eq(cast(coalesce(col("x"), col("k")), "string"), "-2"),
        });
        const columns = await onEngine(p);
        expect(columns.k).toEqual([-2, null]);
      });
    },
  );
}
