/**
 * Invariants, checked with fast-check on small random tables (nulls, duplicates, ties, month and hour
 * boundaries and the New York DST days included by construction).
 */

import { compareValues, sameValue } from "@tablepipe/core/internal";
import { assertTablesEqual } from "@tablepipe/testing";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dropDuplicates } from "./drop-duplicates";
import { excludeAirports } from "./exclude-airports";
import { firstNDaily } from "./first-n-daily";
import { firstNPerGroup } from "./first-n-per-group";
import { keepHourWindow } from "./keep-hour-window";
import { limitHistory } from "./limit-history";

interface Row {
  pickup_location_id: number | null;
  dropoff_location_id: number | null;
  pickup_datetime: Date | null;
  dropoff_datetime: Date | null;
  store_and_fwd_flag: string | null;
  fare_amount: number;
}
const COLUMNS = [
  "pickup_location_id",
  "dropoff_location_id",
  "pickup_datetime",
  "dropoff_datetime",
  "store_and_fwd_flag",
  "fare_amount",
] as const;

/** Instants near the interesting edges: month ends, evening bounds, midnight, DST days. */
const instant = fc
  .tuple(
    fc.constantFrom(
      Date.UTC(2017, 2, 31),
      Date.UTC(2017, 3, 1),
      Date.UTC(2018, 2, 11),
      Date.UTC(2018, 10, 4),
      Date.UTC(2018, 10, 30),
      Date.UTC(2018, 11, 1),
    ),
    fc.constantFrom(0, 1, 2, 3, 16, 17, 22, 23),
    fc.constantFrom(0, 59),
  )
  .map(([day, hour, minute]) => new Date(day + hour * 3_600_000 + minute * 60_000));

const row: fc.Arbitrary<Row> = fc.record({
  pickup_location_id: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 6 }),
  dropoff_location_id: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 6 }),
  pickup_datetime: fc.option(instant, { freq: 8 }),
  dropoff_datetime: fc.option(instant, { freq: 8 }),
  store_and_fwd_flag: fc.option(fc.constantFrom("N", "Y"), { freq: 5 }),
  fare_amount: fc.constantFrom(5, 7.5, 10),
});

/** Rows with deliberate duplicates (some rows repeated), and the same rows shuffled. */
const rowsAndShuffle = fc
  .array(row, { maxLength: 24 })
  .chain((base) =>
    fc
      .array(fc.nat({ max: Math.max(0, base.length - 1) }), { maxLength: base.length === 0 ? 0 : 6 })
      .map((repeats) => [...base, ...repeats.map((i) => ({ ...base[i]! }))]),
  )
  .chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
    ),
  );

const toTable = (rows: readonly Row[]): aq.ColumnTable => {
  const data: Record<string, unknown[] | Float64Array> = {};
  for (const column of COLUMNS) data[column] = rows.map((r) => r[column]);
  data.fare_amount = Float64Array.from(rows, (r) => r.fare_amount);
  return aq.table(data, [...COLUMNS]);
};

const zones = aq.table({
  zone_id: [1, 2, 2, 3],
  zone_name: ["Newark Airport", "JFK Airport", "Jamaica", "Bay"],
});

const history = { column: "pickup_datetime", after: "201703", through: "201811" } as const;
const evening = { column: "dropoff_datetime", from: 17, to: 23 } as const;
const daily = { key: "pickup_location_id", timestamp: "pickup_datetime" } as const;

const filters: readonly [string, (t: aq.ColumnTable) => aq.ColumnTable][] = [
  ["dropDuplicates", (t) => dropDuplicates(t)],
  ["dropDuplicates(subset)", (t) => dropDuplicates(t, { subset: ["pickup_location_id", "fare_amount"] })],
  ["limitHistory", (t) => limitHistory(t, history)],
  ["keepHourWindow(17->23)", (t) => keepHourWindow(t, evening)],
  ["keepHourWindow(22->2)", (t) => keepHourWindow(t, { column: "dropoff_datetime", from: 22, to: 2 })],
  [
    "excludeAirports",
    (t) =>
      excludeAirports(t, {
        column: "pickup_location_id",
        zones,
        zoneIdColumn: "zone_id",
        zoneNameColumn: "zone_name",
      }),
  ],
  ["firstNDaily", (t) => firstNDaily(t, { ...daily, n: 2 })],
  [
    "firstNPerGroup",
    (t) => firstNPerGroup(t, { keys: ["dropoff_location_id"], orderBy: ["fare_amount"], n: 1 }),
  ],
];

const rowsOf = (table: aq.ColumnTable): unknown[][] => {
  const columns = COLUMNS.map((c) => table.array(c));
  return Array.from({ length: table.numRows() }, (_, i) => columns.map((c) => c[i]));
};
const sameRow = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.every((v, i) => sameValue(v, b[i]));

/** True when `sub` is a subsequence of `all`: rows only dropped, never added, changed or reordered. */
const isSubsequence = (sub: readonly unknown[][], all: readonly unknown[][]): boolean => {
  let j = 0;
  for (const candidate of all) if (j < sub.length && sameRow(sub[j]!, candidate)) j += 1;
  return j === sub.length;
};

describe("filter invariants", () => {
  it.each(filters)("%s never adds rows, never changes or reorders surviving rows", (_, filter) => {
    fc.assert(
      fc.property(rowsAndShuffle, ([rows]) => {
        const input = toTable(rows);
        const output = filter(input);
        expect(output.columnNames()).toEqual(input.columnNames());
        expect(output.column("fare_amount")).toBeInstanceOf(Float64Array);
        expect(isSubsequence(rowsOf(output), rowsOf(input))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each(filters.filter(([name]) => name !== "dropDuplicates(subset)"))(
    "%s gives the same rows whatever the input row order",
    (_, filter) => {
      fc.assert(
        fc.property(rowsAndShuffle, ([rows, shuffled]) => {
          assertTablesEqual(filter(toTable(shuffled)), filter(toTable(rows)), { ignoreRowOrder: true });
        }),
        { numRuns: 60 },
      );
    },
  );
});

describe("dropDuplicates", () => {
  it("is idempotent and leaves no two equal rows", () => {
    fc.assert(
      fc.property(rowsAndShuffle, ([rows]) => {
        const once = dropDuplicates(toTable(rows));
        assertTablesEqual(dropDuplicates(once), once);
        const out = rowsOf(once);
        for (let i = 0; i < out.length; ++i) {
          for (let j = i + 1; j < out.length; ++j) expect(sameRow(out[i]!, out[j]!)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});

const dayKey = (d: Date | null): string => (d === null ? "none" : d.toISOString().slice(0, 10));

describe("firstNDaily", () => {
  it("keeps min(n, group size) rows per (key, day) and never more than n", () => {
    fc.assert(
      fc.property(rowsAndShuffle, fc.integer({ min: 1, max: 3 }), ([rows], n) => {
        const out = firstNDaily(toTable(rows), { ...daily, n });
        const count = (rs: readonly Row[] | unknown[][], pick: (r: never) => string) => {
          const counts = new Map<string, number>();
          for (const r of rs) counts.set(pick(r as never), (counts.get(pick(r as never)) ?? 0) + 1);
          return counts;
        };
        const before = count(rows, (r: Row) => `${r.pickup_location_id}|${dayKey(r.pickup_datetime)}`);
        const after = count(rowsOf(out), (r: unknown[]) => `${r[0]}|${dayKey(r[2] as Date | null)}`);
        for (const [group, size] of before) expect(after.get(group) ?? 0).toBe(Math.min(n, size));
      }),
      { numRuns: 80 },
    );
  });

  it("agrees with a sort-based reference (row_number over key, day ordered by time then all columns)", () => {
    fc.assert(
      fc.property(rowsAndShuffle, fc.integer({ min: 1, max: 3 }), ([rows], n) => {
        const order = (a: Row, b: Row): number => {
          for (const column of [
            "pickup_datetime",
            ...COLUMNS.filter((c) => c !== "pickup_datetime"),
          ] as const) {
            const c = compareValues(a[column], b[column]);
            if (c !== 0) return c;
          }
          return 0;
        };
        const seen = new Map<string, number>();
        const expected = [...rows].sort(order).filter((r) => {
          const group = `${r.pickup_location_id}|${dayKey(r.pickup_datetime)}`;
          const rank = (seen.get(group) ?? 0) + 1;
          seen.set(group, rank);
          return rank <= n;
        });
        assertTablesEqual(firstNDaily(toTable(rows), { ...daily, n }), toTable(expected), {
          ignoreRowOrder: true,
        });
      }),
      { numRuns: 80 },
    );
  });
});

describe("limitHistory and the hour windows", () => {
  it("agree with the guide's string comparisons on the UTC fields", () => {
    fc.assert(
      fc.property(rowsAndShuffle, ([rows]) => {
        const yyyymm = (d: Date) => d.toISOString().slice(0, 7).replace("-", "");
        const hour = (d: Date) => d.getUTCHours();
        const historyRows = rows.filter(
          (r) =>
            r.pickup_datetime !== null &&
            yyyymm(r.pickup_datetime) > "201703" &&
            yyyymm(r.pickup_datetime) <= "201811",
        );
        const eveningRows = rows.filter(
          (r) =>
            r.dropoff_datetime !== null && hour(r.dropoff_datetime) >= 17 && hour(r.dropoff_datetime) <= 23,
        );
        assertTablesEqual(limitHistory(toTable(rows), history), toTable(historyRows));
        assertTablesEqual(keepHourWindow(toTable(rows), evening), toTable(eveningRows));
      }),
      { numRuns: 60 },
    );
  });
});
