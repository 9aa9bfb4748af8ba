import {
  caseWhen,
  coalesce,
  col,
  eq,
  gt,
  hour,
  isNull,
  pipe,
  StepFailedError,
  schemaOf,
  timestamp,
  truncate,
  typedTable,
} from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { derive } from "./derive";
import { fillNull } from "./fill-null";
import { filter } from "./filter";
import { union } from "./union";

const DAY = Date.UTC(2024, 1, 29);
const STAMP = Date.UTC(2024, 2, 31, 2, 30);
const mixed = typedTable(
  aq.table({ k: ["a", "b"], i: [1, null], d: [DAY, null], ts: [STAMP, Date.UTC(2024, 2, 31, 5)] }),
  {
    k: { type: "string", nullable: false },
    i: { type: "int", nullable: true },
    d: { type: "date", nullable: true },
    ts: { type: "timestamp", nullable: false },
  },
);
const message = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return "ran";
};

describe("dates with time stamps", () => {
  it("union a date column with a time-stamp column into a time-stamp column (a date is its midnight)", () => {
    const days = typedTable(aq.table({ at: [DAY] }), { at: { type: "date", nullable: false } });
    const stamps = typedTable(aq.table({ at: [STAMP] }), { at: { type: "timestamp", nullable: false } });
    const out = pipe(days).transform(union, { other: stamps }).run().table;
    expect(out.array("at")).toEqual([DAY, STAMP]);
    expect(schemaOf(out).at).toEqual({ type: "timestamp", nullable: false });
    expect(schemaOf(union(stamps, { other: days })).at?.type).toBe("timestamp");
  });

  it("refuse a union of time stamps with other numbers before any row is read, naming the column and both types", () => {
    const days = typedTable(aq.table({ at: [DAY] }), { at: { type: "date", nullable: false } });
    const p = pipe(days).transform(union, { other: aq.table({ at: [STAMP] }) });
    expect(message(() => p.check())).toContain(
      'union: column "at" holds time stamps (date) in the input but numbers (int, typed from a plain table\'s values) in the other table; expected one type',
    );
    expect(() => p.check()).toThrow(StepFailedError);
  });

  it("coalesce and caseWhen of a date and a time stamp (column or literal) give a time stamp", () => {
    const out = pipe(mixed)
      .transform(derive, {
        columns: {
          x: coalesce(col("d"), col("ts")),
          y: coalesce(col("d"), timestamp("2024-01-01 12:30")),
          z: caseWhen([[eq(col("k"), "a"), col("d")]], timestamp("2024-01-01 06:00")),
        },
      })
      .run().table;
    expect(out.array("x")).toEqual([DAY, Date.UTC(2024, 2, 31, 5)]);
    expect(out.array("y")).toEqual([DAY, Date.UTC(2024, 0, 1, 12, 30)]);
    expect(out.array("z")).toEqual([DAY, Date.UTC(2024, 0, 1, 6)]);
    expect(schemaOf(out).x).toEqual({ type: "timestamp", nullable: false });
    expect(schemaOf(out).y?.type).toBe("timestamp");
    expect(schemaOf(out).z?.type).toBe("timestamp");
  });

  it("refuse an int mixed with a date or a time stamp before any row is read, naming the step, the expression and the kinds", () => {
    expect(
      message(() =>
        pipe(mixed)
          .transform(derive, { columns: { x: coalesce(col("i"), col("d")) } })
          .check(),
      ),
    ).toContain(
      'derive: column "x": coalesce(col("i"), col("d")): expected numbers, but column "d" holds time stamps; a time stamp is compared, coalesced and picked only with time stamps',
    );
    expect(
      message(() =>
        pipe(mixed)
          .transform(derive, { columns: { x: caseWhen([[isNull(col("d")), 0]], col("d")) } })
          .check(),
      ),
    ).toContain('expected numbers, but column "d" holds time stamps');
    expect(
      message(() =>
        pipe(mixed)
          .transform(filter, { where: gt(col("ts"), Date.UTC(2024, 5, 1)) })
          .check(),
      ),
    ).toContain(
      'filter: gt(col("ts"), 1717200000000): expected time stamps, but 1717200000000 gives numbers; a time stamp is compared, coalesced and picked only with time stamps (a date is its midnight): write the other side as a time-stamp literal, timestamp("2024-06-01 00:00:00")',
    );
    expect(
      message(() =>
        pipe(mixed)
          .transform(filter, { where: eq(col("ts"), col("i")) })
          .check(),
      ),
    ).toContain('expected time stamps, but column "i" holds numbers');
  });

  it("refuse a fill of a date column that is not a midnight, naming the column and the value", () => {
    expect(
      message(() =>
        pipe(mixed)
          .transform(fillNull, { columns: { d: Date.UTC(2024, 0, 1, 12, 30) } })
          .check(),
      ),
    ).toContain(
      'fillNull: column "d" holds dates (declared date), but the fill value 1704112200000 (2024-01-01 12:30:00) is not a midnight; expected the epoch milliseconds of a day\'s midnight, e.g. Date.UTC(2024, 0, 1)',
    );
    expect(fillNull(mixed, { columns: { d: Date.UTC(2024, 0, 1) } }).array("d")).toEqual([
      DAY,
      Date.UTC(2024, 0, 1),
    ]);
    expect(fillNull(mixed, { columns: { ts: Date.UTC(2024, 0, 1, 12, 30) } }).numRows()).toBe(2);
  });
});

describe("date parts of a plain table's numbers", () => {
  const plain = aq.table({ ts: [STAMP, Date.UTC(2024, 1, 29, 23, 59)] });

  it("are refused before any row is read, saying to declare the column, as addDateParts says", () => {
    for (const expr of [truncate(col("ts"), "day"), hour(col("ts"))]) {
      const text = message(() =>
        pipe(plain)
          .transform(derive, { columns: { x: expr } })
          .check(),
      );
      expect(text).toContain(
        'expected time stamps, but column "ts" holds numbers; a plain table\'s numbers are not time stamps: if "ts" holds epoch milliseconds, declare it with typedTable(table, { "ts": { type: "timestamp", nullable: false }, ... })',
      );
      expect(() => derive(plain, { columns: { x: expr } })).toThrow(
        "a plain table's numbers are not time stamps",
      );
    }
  });

  it("run once the column is declared, or on a plain table of Dates", () => {
    const declared = typedTable(plain, { ts: { type: "timestamp", nullable: false } });
    expect(derive(declared, { columns: { h: hour(col("ts")) } }).array("h")).toEqual([2, 23]);
    const dates = aq.table({ ts: [new Date(STAMP)] });
    expect(derive(dates, { columns: { h: hour(col("ts")) } }).array("h")).toEqual([2]);
  });
});
