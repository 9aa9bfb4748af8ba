/** The parity of dates mixed with time stamps, and of time stamps with numbers: one rule on every engine. */
import {
  abs,
  add,
  caseWhen,
  cast,
  coalesce,
  col,
  eq,
  ge,
  gt,
  hour,
  isIn,
  isNull,
  neg,
  pipe,
  schemaOf,
  sub,
  timestamp,
  truncate,
  typedTable,
} from "@tablepipe/core";
import { derive, fillNull, filter, union } from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the tables with (a date is a time stamp at midnight). */
const TYPES = { k: "string", i: "int", d: "timestamp", ts: "timestamp" } as const;

const DAY = Date.UTC(2024, 1, 29);
const STAMP = Date.UTC(2024, 2, 31, 2, 30);

/** A typed table of a string, an int, a date and a time-stamp column. */
function mixed(): ColumnTable {
  return typedTable(
    aq.table({
      k: ["a", "a", "b"],
      i: [1, null, 3],
      d: [DAY, Date.UTC(2024, 2, 1), null],
      ts: [STAMP, Date.UTC(2024, 2, 31, 5), Date.UTC(1969, 11, 31, 23, 59, 59, 999)],
    }),
    {
      k: { type: "string", nullable: false },
      i: { type: "int", nullable: true },
      d: { type: "date", nullable: true },
      ts: { type: "timestamp", nullable: false },
    },
  );
}

/**
 * Dates with time stamps (`union`, `coalesce`, `caseWhen` with a column or a literal: a time stamp), arithmetic on
 * time stamps and casts between time stamps and numbers (epoch milliseconds) for one SQL engine, equal to the
 * in-process run; and the mixes every engine refuses before any row is read, with the in-process error.
 */
export function describeDateTimestampParity(engine: ParityEngine, enabled = true): void {
  async function onEngine(p: ReturnType<typeof pipe<string>>, types: Record<string, string> = TYPES) {
    const result = await expectParity(p, engine, types as typeof TYPES);
    expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
    return result.table;
  }

  describe.runIf(enabled)(
    `dates and time stamps on ${engine.name}, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("a union of a date column with a time-stamp column is a time-stamp column", async () => {
        const days = typedTable(aq.table({ at: [DAY, null] }), { at: { type: "date", nullable: true } });
        const stamps = typedTable(aq.table({ at: [STAMP] }), { at: { type: "timestamp", nullable: false } });
        const table = await onEngine(pipe(days).transform(union, { other: stamps }), { at: "timestamp" });
        expect(table.array("at")).toEqual([DAY, null, STAMP]);
        expect(schemaOf(table).at).toEqual({ type: "timestamp", nullable: true });
      });

      it("a coalesce or caseWhen of a date and a time stamp (column or literal) is a time stamp", async () => {
        const table = await onEngine(
          pipe(mixed()).transform(derive, {
            columns: {
              x: coalesce(col("d"), col("ts")),
              y: coalesce(col("d"), timestamp("2024-01-01 12:30")),
              z: caseWhen([[eq(col("k"), "a"), col("d")]], timestamp("2024-01-01 06:00")),
              h: hour(coalesce(col("d"), col("ts"))),
            },
          }),
        );
        expect(table.array("y")).toEqual([DAY, Date.UTC(2024, 2, 1), Date.UTC(2024, 0, 1, 12, 30)]);
        expect(table.array("z")).toEqual([DAY, Date.UTC(2024, 2, 1), Date.UTC(2024, 0, 1, 6)]);
        expect(schemaOf(table).x?.type).toBe("timestamp");
        expect(schemaOf(table).z?.type).toBe("timestamp");
      });

      it("arithmetic on time stamps is on their epoch milliseconds, and casts go to and from them", async () => {
        const table = await onEngine(
          pipe(mixed())
            .transform(derive, {
              columns: {
                span: sub(col("ts"), col("d")),
                later: add(col("d"), 3_600_000),
                away: abs(sub(col("ts"), timestamp("2024-03-31 03:00"))),
                back: neg(col("ts")),
                ms: cast(col("d"), "float"),
                whole: cast(col("ts"), "int"),
                at: cast(col("i"), "timestamp"),
                next: cast(add(col("ts"), 3_600_000), "timestamp"),
              },
            })
            .transform(filter, { where: ge(col("next"), col("d")) }),
        );
        expect(table.array("later")).toEqual([DAY + 3_600_000, Date.UTC(2024, 2, 1) + 3_600_000]);
        expect(table.array("whole")).toEqual([STAMP, Date.UTC(2024, 2, 31, 5)]);
        expect(table.array("at")).toEqual([1, null]);
        expect(schemaOf(table).at?.type).toBe("timestamp");
      });

      it("compares dates with time stamps and time-stamp literals", async () => {
        const table = await onEngine(
          pipe(mixed()).transform(filter, { where: gt(col("ts"), truncate(col("d"), "month")) }),
        );
        expect(table.array("k")).toEqual(["a", "a"]);
      });

      it("refuses a time stamp mixed with a number, before any row is read, with the in-process error", async () => {
        const refused =
          /expected (time stamps|numbers), but .* (holds|gives) (numbers|time stamps); a time stamp is compared, coalesced and picked only with time stamps/;
        for (const p of [
          pipe(mixed()).transform(derive, { columns: { x: coalesce(col("i"), col("d")) } }),
          pipe(mixed()).transform(derive, { columns: { x: caseWhen([[isNull(col("d")), 0]], col("d")) } }),
          pipe(mixed()).transform(filter, { where: gt(col("ts"), Date.UTC(2024, 2, 31)) }),
          pipe(mixed()).transform(filter, { where: eq(col("ts"), col("i")) }),
        ]) {
          await expectSameFailure(p, engine, TYPES, refused);
        }
        await expectSameFailure(
          pipe(mixed()).transform(filter, { where: isIn(col("ts"), [STAMP]) }),
          engine,
          TYPES,
          /expected time stamps in the list, got the number 1711852200000/,
        );
      });

      it("refuses a fill of a date that is not a midnight, and a union of a date with numbers", async () => {
        await expectSameFailure(
          pipe(mixed()).transform(fillNull, { columns: { d: Date.UTC(2024, 0, 1, 12, 30) } }),
          engine,
          TYPES,
          /fillNull: column "d" holds dates \(declared date\), but the fill value 1704112200000 \(2024-01-01 12:30:00\) is not a midnight/,
        );
        const days = typedTable(aq.table({ at: [DAY] }), { at: { type: "date", nullable: false } });
        await expectSameFailure(
          pipe(days).transform(union, { other: aq.table({ at: [STAMP] }) }),
          engine,
          { at: "timestamp" },
          /union: column "at" holds time stamps \(date\) in the input but numbers \(int, typed from a plain table's values\)/,
        );
      });

      it("refuses a date part or truncate of a plain table's numbers, saying to declare the column", async () => {
        const plain = aq.table({ ts: [STAMP, Date.UTC(2024, 1, 29, 23, 59)] });
        for (const expr of [truncate(col("ts"), "day"), hour(col("ts"))]) {
          await expectSameFailure(
            pipe(plain).transform(derive, { columns: { x: expr } }),
            engine,
            {},
            /expected time stamps, but column "ts" holds numbers; a plain table's numbers are not time stamps: if "ts" holds epoch milliseconds, declare it with typedTable/,
          );
        }
      });
    },
  );
}
