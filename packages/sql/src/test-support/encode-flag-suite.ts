/** The parity of `encodeFlag` for every pair of a column's type and its value's kind. */
import { pipe } from "@tablepipe/core";
import { withArticle } from "@tablepipe/core/internal";
import { encodeFlag } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

const NEW_YEAR = Date.UTC(2018, 0, 1);

/** The column types the engine loads the table with. */
const TYPES = { i: "int", x: "float", t: "timestamp", s: "string", b: "boolean" } as const;

/** A column of each type, with cells a value of another kind converts to in SQL (`"1"`, `1`, `true`, ...). */
const flagged = () =>
  aq.table({
    i: [1, 2, null, NEW_YEAR],
    x: [1, 2.5, null, 0],
    t: [NEW_YEAR, Date.UTC(2018, 0, 2), null, 0],
    s: ["1", "true", null, "2018-01-01 00:00:00"],
    b: [true, false, null, true],
  });

/** The values tried against each column: numbers, strings and booleans, each equal to a cell of some column. */
const VALUES: readonly (string | number | boolean)[] = [
  1,
  2.5,
  0,
  NEW_YEAR,
  "1",
  "true",
  "2018-01-01 00:00:00",
  true,
  false,
];

/** The values that flag some cell of each column in process, with the rows flagged: every other value flags none. */
const MATCHES: Readonly<
  Record<keyof typeof TYPES, readonly (readonly [string | number | boolean, number[]])[]>
> = {
  i: [
    [1, [0]],
    [NEW_YEAR, [3]],
  ],
  x: [
    [1, [0]],
    [2.5, [1]],
    [0, [3]],
  ],
  t: [
    [0, [3]],
    [NEW_YEAR, [0]], // a time stamp is its epoch milliseconds in process
  ],
  s: [
    ["1", [0]],
    ["true", [1]],
    ["2018-01-01 00:00:00", [3]],
  ],
  b: [
    [true, [0, 3]],
    [false, [1]],
  ],
};

/** The flags of the four rows in process. */
function expectedFlags(column: keyof typeof TYPES, value: string | number | boolean): number[] {
  const rows = MATCHES[column].find(([matched]) => matched === value)?.[1] ?? [];
  return [0, 1, 2, 3].map((row) => (rows.includes(row) ? 1 : 0));
}

/**
 * `encodeFlag` on one SQL engine, for each column type (int, float, timestamp, string, boolean) and each kind of
 * value (number, string, boolean): the step runs on the engine and flags the cells the in-process run flags,
 * those equal to the value and of its kind (a time stamp equals its epoch milliseconds), never a cell SQL would
 * convert to the value or the value to the cell (`"1"` and `1`, `true` and `1`, a time stamp and its text).
 */
export function describeEncodeFlagParity(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `encodeFlag on ${engine.name}: a value of another kind than the column flags no cell, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      for (const column of Object.keys(TYPES) as (keyof typeof TYPES)[]) {
        it(`${withArticle(TYPES[column])} column against numbers, strings and booleans`, async () => {
          for (const value of VALUES) {
            const p = pipe(flagged()).transform(encodeFlag, { column, output: "flag", value });
            const result = await expectParity(p, engine, TYPES);
            expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
            const flags = Array.from(result.table.array("flag") as ArrayLike<number>);
            expect(flags, `value ${JSON.stringify(value)}`).toEqual(expectedFlags(column, value));
          }
        });
      }
    },
  );
}
