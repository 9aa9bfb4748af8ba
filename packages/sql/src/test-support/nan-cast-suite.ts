/** A NaN the engine computes is null to a cast, as in process, where NaN is a null. */
import { cast, col, isNull, pipe, sub, sum } from "@tablepipe/core";
import { aggregate, castColumns, derive, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { copyAs } from "./copy-as";
import { expectParity, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { k: "int", x: "float" } as const;
/** Infinities, whose difference with themselves is NaN in SQL as in JavaScript. */
const table = () =>
  aq.table({ k: [1, 2, 3, 4], x: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5, null] });
/** `x - x`: NaN for an infinity, which the engine holds as a value and in process is a null. */
const nan = sub(col("x"), col("x"));

/**
 * A NaN the engine computes (`Infinity - Infinity`, a sum of both infinities) cast to `int`, `string`, `boolean`,
 * `float` or `timestamp` gives null on the engine, as in process (NaN is a null there: `cast` keeps it), not the
 * engine's `int` range error, its text `nan`/`NaN` or `true`; by `derive`, `filter` and `castColumns`, and of a
 * column of a type the compiler does not know. Every step runs on the engine.
 */
export function describeNaNCastParity(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `a NaN ${engine.name} computes, cast: null, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      const onEngine = async (p: Parameters<typeof expectParity>[0]) => {
        const result = await expectParity(p, engine, TYPES);
        expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        return result;
      };

      it("a derive's and a filter's cast of Infinity - Infinity to int, string, boolean and float", async () => {
        const derived = await onEngine(
          pipe(table()).transform(derive, {
            columns: {
              i: cast(nan, "int"),
              s: cast(nan, "string"),
              b: cast(nan, "boolean"),
              f: cast(nan, "float"),
            },
          }),
        );
        expect(derived.table.objects()[0]).toMatchObject({ i: null, s: null, b: null });
        const kept = await onEngine(pipe(table()).transform(filter, { where: isNull(cast(nan, "int")) }));
        expect(kept.table.array("k")).toEqual([1, 2, 4]);
      });

      it("castColumns of a derived NaN to int, string, boolean and timestamp", async () => {
        for (const to of ["int", "string", "boolean", "timestamp"] as const) {
          await onEngine(
            pipe(table())
              .transform(derive, { columns: { d: nan } })
              .transform(castColumns, { columns: { d: to } }),
          );
        }
      });

      it("a sum of +Infinity and -Infinity, and a column of a type the compiler does not know, cast", async () => {
        const summed = pipe(table())
          .transform(aggregate, { by: [], measures: { s: sum(col("x")) } })
          .transform(derive, { columns: { i: cast(col("s"), "int"), t: cast(col("s"), "string") } });
        await onEngine(summed);
        // a user's step gives u, a DOUBLE: its type is unknown to the compiler
        const untyped = pipe(table())
          .transform(derive, { columns: { d: nan } })
          .transform(copyAs, { column: "d", output: "u", sqlType: "DOUBLE" })
          .transform(derive, {
            columns: { i: cast(col("u"), "int"), t: cast(col("u"), "string"), b: cast(col("u"), "boolean") },
          });
        await onEngine(untyped);
      });
    },
  );
}
