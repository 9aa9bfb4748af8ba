/** The parity of `concat`: strings one after the other, null when a part is null. */
import { cast, col, concat, eq, length, lower, pipe, typedTable } from "@tablepipe/core";
import { derive, filter } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the tables with. */
const TYPES = { s: "string", t: "string", n: "int" } as const;

/** A typed table of two nullable string columns and an int column. */
function texts(s: readonly (string | null)[], t: readonly (string | null)[]): ColumnTable {
  return typedTable(aq.table({ s: [...s], t: [...t], n: s.map((_, i) => (i % 3 === 2 ? null : i - 2)) }), {
    s: { type: "string", nullable: true },
    t: { type: "string", nullable: true },
    n: { type: "int", nullable: true },
  });
}

const S = ["a", "", null, "x y", "é", "\u{1f600}", "it's", "ß"];
const T = ["b", "", "b", null, "ü", "!", "'", "Σ"];

/** The columns of `concat` the cases derive. */
const CONCATS = {
  two: concat(col("s"), col("t")),
  three: concat(col("s"), " - ", col("t")),
  withNull: concat(col("s"), null),
  counted: length(concat(col("s"), col("t"))),
  number: concat(cast(col("n"), "string"), "x"),
};

/**
 * `concat` for one SQL engine, equal to the in-process run: strings one after the other (SQL's `||`), null when
 * any part is null, a string column declared as in process; refused on numbers and booleans with the in-process
 * error (cast them to strings first).
 */
export function describeConcatParity(engine: ParityEngine, enabled = true): void {
  /** The pipe on the engine, every step there, as in process. */
  async function onEngine(p: ReturnType<typeof pipe<string>>): Promise<ColumnTable> {
    const result = await expectParity(p, engine, TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    return result.table;
  }

  describe.runIf(enabled)(
    `concat on ${engine.name}, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("joins strings, null when a part is null, in a derive and a filter", async () => {
        const table = await onEngine(pipe(texts(S, T)).transform(derive, { columns: CONCATS }));
        expect(table.array("two")).toEqual(["ab", "", null, null, "éü", "\u{1f600}!", "it's'", "ßΣ"]);
        expect(table.array("three")).toEqual([
          "a - b",
          " - ",
          null,
          null,
          "é - ü",
          "\u{1f600} - !",
          "it's - '",
          "ß - Σ",
        ]);
        expect(new Set(table.array("withNull"))).toEqual(new Set([null]));
        expect(table.array("number")).toEqual(["-2x", "-1x", null, "1x", "2x", null, "4x", "5x"]);
        const kept = await onEngine(
          pipe(texts(S, T)).transform(filter, { where: eq(lower(concat(col("s"), col("t"))), "ab") }),
        );
        expect(kept.array("s")).toEqual(["a"]);
      });

      it("on random strings with nulls", async () => {
        const text = fc.oneof(
          fc
            .array(fc.constantFrom("a", "B", " ", "é", "\u{1f600}", "'", "%", "_"), { maxLength: 4 })
            .map((cs) => cs.join("")),
          fc.constant(null),
        );
        await fc.assert(
          fc.asyncProperty(fc.array(fc.tuple(text, text), { maxLength: 20 }), async (rows) => {
            await onEngine(
              pipe(
                texts(
                  rows.map(([s]) => s),
                  rows.map(([, t]) => t),
                ),
              ).transform(derive, { columns: CONCATS }),
            );
          }),
          { numRuns: engine.runs },
        );
      });

      it("refuses numbers and booleans with the in-process error, before any row is read", async () => {
        await expectSameFailure(
          pipe(texts(S, T)).transform(derive, { columns: { c: concat(col("s"), col("n")) } }),
          engine,
          TYPES,
          /^derive: column "c": concat\(col\("s"\), col\("n"\)\): expected strings, but column "n" holds numbers$/,
        );
        await expectSameFailure(
          pipe(texts(S, T)).transform(filter, { where: eq(concat(col("s"), eq(col("t"), "b")), "ab") }),
          engine,
          TYPES,
          /concat\(col\("s"\), eq\(col\("t"\), "b"\)\): expected strings, but eq\(col\("t"\), "b"\) gives booleans$/,
        );
      });
    },
  );
}
