/** A cast that fails fails on the engine as in process, whether a later step reads its column or not. */
import {
  and,
  cast,
  coalesce,
  col,
  count,
  gt,
  lower,
  lt,
  mul,
  neg,
  pipe,
  startsWith,
  sum,
} from "@tablepipe/core";
import {
  aggregate,
  castColumns,
  derive,
  dropDuplicates,
  excludeMatching,
  filter,
  join,
  select,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { k: "int", g: "string" } as const;
const table = () => aq.table({ k: [1, 2, 3], g: ["7", "a", "5"] });
const castG = (to: "int" | "float" | "boolean") =>
  pipe(table()).transform(castColumns, { columns: { g: to } });
const castError = (to: string, value: string, row: number) =>
  new RegExp(
    `^castColumns: column "g": cast\\(col\\("g"\\), "${to}"\\): cannot convert "${value}" to ${to} \\(row ${row}\\)$`,
  );

/**
 * `castColumns`, a `derive`'s and a `filter`'s `cast` of a string that does not convert, for one SQL engine:
 * the in-process error with its row, also when no later step reads the cast column (the engine would prune a
 * cast in the select list), when a later filter drops the row, and when SQL's `AND` would skip it; and no error
 * for a row an earlier join, anti join or filter dropped; a cast of a column of unknown type is checked too.
 */
export function describePrunedCastErrors(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `a cast that fails on ${engine.name}, whether a later step reads its column or not`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("castColumns, then an aggregate, a select, a filter, a dedupe that do not read the column", async () => {
        const chains = [
          [castG("int").transform(aggregate, { by: [], measures: { n: count() } }), castError("int", "a", 1)],
          [
            castG("float").transform(aggregate, { by: [], measures: { s: sum(col("k")) } }),
            castError("float", "a", 1),
          ],
          [castG("boolean").transform(select, { columns: ["k"] }), castError("boolean", "7", 0)],
          [castG("int").transform(select, { columns: ["k"] }), castError("int", "a", 1)],
          [
            castG("int")
              .transform(dropDuplicates, { subset: ["k"] })
              .transform(select, { columns: ["k"] }),
            castError("int", "a", 1),
          ],
          [
            castG("int")
              .transform(filter, { where: gt(col("k"), 1) })
              .transform(select, { columns: ["k"] }),
            castError("int", "a", 1),
          ],
          // the later filter drops the row: in process the cast failed before it
          [
            castG("int")
              .transform(filter, { where: startsWith(lower(cast(col("k"), "string")), "3") })
              .transform(aggregate, { by: [], measures: { n: count() } }),
            castError("int", "a", 1),
          ],
        ] as const;
        for (const [p, error] of chains) await expectSameFailure(p, engine, TYPES, error);
      });

      it("a derive's and a filter's cast of a string, also where SQL's AND would not evaluate it", async () => {
        const derived = pipe(table())
          .transform(derive, { columns: { y: cast(col("g"), "int") } })
          .transform(select, { columns: ["k"] });
        const derivedError =
          /^derive: column "y": cast\(col\("g"\), "int"\): cannot convert "a" to int \(row 1\)$/;
        await expectSameFailure(derived, engine, TYPES, derivedError);
        const filtered = pipe(table()).transform(filter, {
          where: and(gt(col("k"), 2), gt(cast(col("g"), "float"), 0)),
        });
        const filterError = /^filter: cast\(col\("g"\), "float"\): cannot convert "a" to float \(row 1\)$/;
        await expectSameFailure(filtered, engine, TYPES, filterError);
      });

      it("a number past 2^63 in magnitude (or its text) cast to int: the in-process error, also when pruned", async () => {
        const big = () => aq.table({ k: [1, 2, 3], x: [1.5, 1e20, -Infinity], s: ["1", "-2.5", "1e20"] });
        const types = { k: "int", x: "float", s: "string" } as const;
        const range = (value: string, row: number) =>
          new RegExp(
            `cannot convert ${value} to int \\(row ${row}\\): expected a number from -2\\^63 to below 2\\^63$`,
          );
        const chains = [
          [pipe(big()).transform(castColumns, { columns: { x: "int" } }), range("100000000000000000000", 1)],
          [
            pipe(big())
              .transform(castColumns, { columns: { s: "int" } })
              .transform(select, { columns: ["k"] }),
            range('"1e20"', 2),
          ],
          [
            pipe(big())
              .transform(derive, { columns: { y: cast(mul(col("x"), 2), "int") } })
              .transform(aggregate, { by: [], measures: { n: count() } }),
            range("200000000000000000000", 1),
          ],
        ] as const;
        for (const [p, error] of chains) await expectSameFailure(p, engine, types, error);
        const fits = pipe(big()).transform(filter, { where: gt(col("k"), 2) });
        await expectParity(
          fits.transform(castColumns, { columns: { s: "float", x: "float" } }),
          engine,
          types,
        );
        await expectParity(
          pipe(big())
            .transform(filter, { where: lt(col("k"), 2) })
            .transform(castColumns, { columns: { x: "int", s: "int" } }),
          engine,
          types,
        );
      });

      it("a cast of a column of a type the compiler does not know (a derive's coalesce), or of a coalesce of numbers: checked on the engine's type", async () => {
        const mixed = () =>
          aq.table({ k: [1, 2, 3], x: [1.5, 1e20, 2], g: ["7", "a", "5"], b: [true, false, null] });
        const types = { k: "int", x: "float", g: "string", b: "boolean" } as const;
        // coalesce's type is not plain to the compiler: y's type is unknown after this step
        const untyped = (of: "g" | "x" | "b") =>
          pipe(mixed()).transform(derive, { columns: { y: coalesce(col(of), col(of)) } });
        const chains = [
          [
            untyped("g")
              .transform(derive, { columns: { n: cast(col("y"), "int") } })
              .transform(select, { columns: ["k"] }),
            /^derive: column "n": cast\(col\("y"\), "int"\): cannot convert "a" to int \(row 1\)$/,
          ],
          [
            untyped("x")
              .transform(derive, { columns: { n: cast(neg(col("y")), "int") } })
              .transform(aggregate, { by: [], measures: { c: count() } }),
            /^derive: column "n": cast\(neg\(col\("y"\)\), "int"\): cannot convert -100000000000000000000 to int \(row 1\): expected a number from -2\^63 to below 2\^63$/,
          ],
          [
            untyped("g").transform(aggregate, { by: ["k"], measures: { s: sum(cast(col("y"), "float")) } }),
            /^aggregate\(k\): measure "s": cast\(col\("y"\), "float"\): cannot convert "a" to float \(row 1\)$/,
          ],
          [
            pipe(mixed())
              .transform(derive, { columns: { n: cast(coalesce(col("x"), 0), "int") } })
              .transform(select, { columns: ["k"] }),
            /^derive: column "n": cast\(coalesce\(col\("x"\), 0\), "int"\): cannot convert 100000000000000000000 to int \(row 1\): expected a number from -2\^63 to below 2\^63$/,
          ],
        ] as const;
        for (const [p, error] of chains) await expectSameFailure(p, engine, types, error);
        const converting = [
          pipe(mixed()).transform(derive, {
            columns: { i: cast(coalesce(col("k"), 0), "int"), f: cast(coalesce(col("x"), 0), "float") },
          }),
          untyped("x").transform(derive, {
            columns: { f: cast(col("y"), "float"), t: cast(col("y"), "boolean") },
          }),
          untyped("b").transform(derive, {
            columns: { i: cast(col("y"), "int"), f: cast(col("y"), "float") },
          }),
          untyped("g")
            .transform(filter, { where: gt(col("k"), 2) })
            .transform(derive, { columns: { i: cast(col("y"), "int"), t: cast(col("y"), "string") } }),
        ];
        for (const p of converting) {
          const result = await expectParity(p, engine, types);
          expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        }
      });

      it("no error for a row an earlier join, anti join or filter dropped; every step on the engine", async () => {
        const right = aq.table({ k: [1, 3], v: ["x", "y"] });
        const pipes = [
          pipe(table())
            .transform(excludeMatching, { column: "k", lookup: aq.table({ k: [2] }), lookupKey: "k" })
            .transform(castColumns, { columns: { g: "int" } }),
          pipe(table())
            .transform(join, { right, on: ["k"] })
            .transform(castColumns, { columns: { g: "float" } }),
          pipe(table())
            .transform(join, { right, on: ["k"] })
            .transform(derive, { columns: { y: cast(col("g"), "int") } }),
          pipe(table())
            .transform(filter, { where: gt(col("k"), 2) })
            .transform(filter, { where: gt(cast(col("g"), "int"), 0) }),
        ];
        for (const p of pipes) {
          const result = await expectParity(p, engine, TYPES);
          expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        }
      });
    },
  );
}
