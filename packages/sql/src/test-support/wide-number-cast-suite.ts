/** A number of a SQL type the compiler does not know (DECIMAL, HUGEINT) casts as in process casts its double. */
import { cast, col, pipe, sum } from "@tablepipe/core";
import { aggregate, derive, select } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { copyAs } from "./copy-as";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { k: "int", x: "float" } as const;

/**
 * A value of a SQL type the compiler does not know that an `int` may not hold as it is (a DECIMAL with a
 * fraction or past 2^63; any of `wideIntegers`, such as DuckDB's HUGEINT, past 2^63), as a user's step gives
 * it: cast to `int` it is truncated, or fails with the in-process error naming the row and the number (not the
 * engine's overflow error), cast to `string` it is JavaScript's text of the number (`5`, not the DECIMAL's
 * `5.0`), to `float` and `boolean` the number's, as in process on the same numbers.
 */
export function describeWideNumberCastParity(
  engine: ParityEngine,
  enabled = true,
  wideIntegers: readonly string[] = [],
): void {
  const types = ["DECIMAL(38, 1)", ...wideIntegers];
  describe.runIf(enabled)(
    `${types.join(", ")} on ${engine.name}, cast: as in process casts its number`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("cast to int, string, float and boolean: the in-process values", async () => {
        for (const sqlType of types) {
          // an integer type's values are whole (and not negative: an unsigned type holds them)
          const decimal = sqlType.startsWith("DECIMAL");
          const x = decimal ? [5, -7.5, 2.5, null] : [5, 7, 0, null];
          const p = pipe(aq.table({ k: [1, 2, 3, 4], x }))
            .transform(copyAs, { column: "x", output: "d", sqlType })
            .transform(derive, {
              columns: {
                i: cast(col("d"), "int"),
                s: cast(col("d"), "string"),
                f: cast(col("d"), "float"),
                b: cast(col("d"), "boolean"),
              },
            });
          const result = await expectParity(p, engine, TYPES);
          expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
          expect(result.table.array("s")).toEqual(
            decimal ? ["5", "-7.5", "2.5", null] : ["5", "7", "0", null],
          );
        }
      });

      it("cast to int past 2^63: the in-process error naming the row and the number, also when pruned", async () => {
        for (const sqlType of types) {
          const p = pipe(aq.table({ k: [1, 2, 3], x: [1, 1.5e19, 3] }))
            .transform(copyAs, { column: "x", output: "d", sqlType })
            .transform(derive, { columns: { i: cast(col("d"), "int") } })
            .transform(select, { columns: ["k"] });
          const error =
            /^derive: column "i": cast\(col\("d"\), "int"\): cannot convert 15000000000000000000 to int \(row 1\): expected a number from -2\^63 to below 2\^63$/;
          await expectSameFailure(p, engine, TYPES, error);
        }
      });

      it("a sum of ints past 2^63 (DuckDB's HUGEINT, Spark's DOUBLE of its exact sum) cast to int: the in-process error", async () => {
        const p = pipe(aq.table({ g: [1, 1, 1, 2], k: [2 ** 62, 2 ** 62, 2 ** 62, 3] }))
          .transform(aggregate, { by: ["g"], measures: { s: sum(col("k")) } })
          .transform(derive, { columns: { i: cast(col("s"), "int"), t: cast(col("s"), "string") } });
        const error =
          /^derive: column "i": cast\(col\("s"\), "int"\): cannot convert 13835058055282164000 to int \(row 0\): expected a number from -2\^63 to below 2\^63$/;
        await expectSameFailure(p, engine, { g: "int", k: "int" }, error);
        const fits = pipe(aq.table({ g: [1, 1, 2], k: [5, 6, -3] }))
          .transform(aggregate, { by: ["g"], measures: { s: sum(col("k")) } })
          .transform(derive, { columns: { i: cast(col("s"), "int"), t: cast(col("s"), "string") } });
        await expectParity(fits, engine, { g: "int", k: "int" });
      });
    },
  );
}
