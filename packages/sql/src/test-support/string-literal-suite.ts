/**
 * The parity of string literals holding the characters a SQL string literal may read as escapes: a backslash
 * (Spark reads `'a\b'` as an escape sequence, DuckDB as it is), quotes, a tab, a line end; in comparisons, `isIn`
 * lists, the string tests, `concat`, `replace`, `substring` and `encodeFlag`, and the number pattern a string's
 * cast to a number is checked with.
 */
import {
  col,
  concat,
  contains,
  endsWith,
  eq,
  isIn,
  pipe,
  replace,
  startsWith,
  substring,
  typedTable,
} from "@tablepipe/core";
import { castColumns, derive, encodeFlag, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { s: "string", k: "int" } as const;

/** Strings with backslashes, quotes, a tab and a line end, and their look-alikes without them. */
const STRINGS = [
  "a\\b",
  "ab",
  "a\\nb",
  "a\nb",
  "a\\tb",
  "a\tb",
  "it's",
  'say "hi"',
  "C:\\dir\\",
  "\\",
  "\\\\",
];

const table = () =>
  typedTable(aq.table({ k: STRINGS.map((_, i) => i), s: STRINGS }), {
    k: { type: "int", nullable: false },
    s: { type: "string", nullable: false },
  });

/**
 * String literals for one SQL engine, equal to the in-process run: each compares, matches and joins the very
 * characters it holds.
 */
export function describeStringLiteralParity(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `string literals with backslashes, quotes, tabs and line ends on ${engine.name}, as in process`,
    { timeout: engine.timeoutMs ?? 60_000 },
    () => {
      const onEngine = async (p: ReturnType<typeof pipe<string>>) => {
        const result = await expectParity(p, engine, TYPES);
        expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        return result.table;
      };

      it("an equality, an isIn list, contains, startsWith and endsWith find exactly the rows holding them", async () => {
        for (const literal of STRINGS) {
          const found = await onEngine(pipe(table()).transform(filter, { where: eq(col("s"), literal) }));
          expect(found.array("s")).toEqual([literal]);
        }
        await onEngine(pipe(table()).transform(filter, { where: isIn(col("s"), ["a\\b", "\\", "it's"]) }));
        for (const part of ["\\", "\\n", "\n", "\\t", "'", '"', "\\\\"]) {
          await onEngine(
            pipe(table()).transform(derive, {
              columns: {
                has: contains(col("s"), part),
                starts: startsWith(col("s"), part),
                ends: endsWith(col("s"), part),
              },
            }),
          );
        }
      });

      it("concat and encodeFlag write and compare the characters themselves", async () => {
        const joined = await onEngine(
          pipe(table()).transform(derive, { columns: { path: concat(col("s"), "\\", "'\t\n") } }),
        );
        expect(joined.array("path")[0]).toBe("a\\b\\'\t\n");
        const flagged = await onEngine(
          pipe(table()).transform(encodeFlag, { column: "s", value: "C:\\dir\\", output: "is_dir" }),
        );
        expect(Array.from(flagged.array("is_dir") as ArrayLike<number>).indexOf(1)).toBe(8);
      });

      it("replace and substring: text, not patterns, in code points, with backslashes and quotes", async () => {
        const piece = fc.constantFrom("a", "b", ".", "$&", "\\", "'", "\u{1f600}", "e\u0301", "aa", " ");
        const text = fc.option(
          fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
          { freq: 6 },
        );
        const start = fc.integer({ min: 1, max: 6 });
        const length = fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined });
        await fc.assert(
          fc.asyncProperty(fc.array(text, { maxLength: 10 }), start, length, async (values, from, count) => {
            const t = typedTable(aq.table({ k: values.map((_, i) => i), s: values }), {
              k: { type: "int", nullable: false },
              s: { type: "string", nullable: true },
            });
            await onEngine(
              pipe(t).transform(derive, {
                columns: {
                  slashes: replace(col("s"), "\\", "/"),
                  dots: replace(col("s"), ".", "$&'"),
                  pairs: replace(col("s"), "aa", "b"),
                  part: substring(col("s"), from, count),
                  tail: substring(col("s"), from),
                  quoted: replace(substring(col("s"), 1, 3), "'", "''"),
                },
              }),
            );
          }),
          { numRuns: engine.runs },
        );
      });

      it("a string's cast to a number refuses a text only a misread pattern takes for one", async () => {
        // "12x5" matches the number pattern only if its `\.` (a dot) became `.` (any character)
        const t = typedTable(aq.table({ s: ["12.5", "12x5"] }), { s: { type: "string", nullable: false } });
        await expectSameFailure(
          pipe(t).transform(castColumns, { columns: { s: "float" } }),
          engine,
          { s: "string" },
          /castColumns: .*"12x5"/,
        );
      });
    },
  );
}
