/**
 * The two facts the streaming planner relies on, checked with fast-check on random tables full of exact
 * duplicates (0 and -0, NaN, nulls and month/hour boundaries included):
 * 1. every transform declared `rowLocal` gives the same table run chunk by chunk as run once;
 * 2. `dropDuplicates` on all columns commutes with any sequence of row-local filters and derives that keep
 *    every column: dedupe-then-steps equals steps-then-dedupe, row for row and in the same order.
 */
import { pipe, type Step } from "@tablepipe/core";
import { makeStep, optimizePlan, planSteps, TableAccumulator } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDateParts } from "./add-date-parts";
import { dropDuplicates } from "./drop-duplicates";
import { dropMissing } from "./drop-missing";
import { encodeFlag } from "./encode-flag";
import { excludeAirports } from "./exclude-airports";
import { excludeMatching } from "./exclude-matching";
import { withTimestamps } from "./internal/test-support";
import { keepHourWindow } from "./keep-hour-window";
import { limitHistory } from "./limit-history";

const zones = aq.table({
  zone_id: [1, 2, 3, 3, 4],
  zone_name: ["Newark Airport", "Alder", "JFK Airport", "JFK airport", "Foxglove"],
  borough: ["EWR", "Manhattan", "Queens", "Queens", "Brooklyn"],
});

// Instants around month and hour boundaries of 2017-2018, and their neighbours.
const instants = [
  Date.UTC(2017, 2, 31, 23, 59, 59),
  Date.UTC(2017, 3, 1, 0, 0, 0),
  Date.UTC(2017, 6, 4, 16, 59, 59),
  Date.UTC(2017, 6, 4, 17, 0, 0),
  Date.UTC(2018, 2, 11, 2, 30, 0),
  Date.UTC(2018, 10, 30, 23, 59, 59),
  Date.UTC(2018, 11, 1, 0, 0, 0),
  Date.UTC(1970, 0, 1, 0, 0, 0),
];

/** A distinct-ish row; the table repeats these, so exact duplicates are common. */
const rowArb = fc.record({
  pickup_datetime: fc.constantFrom(...instants),
  dropoff_datetime: fc.oneof(fc.constantFrom(...instants), fc.constant(null)),
  pickup_location_id: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(null)),
  dropoff_location_id: fc.integer({ min: 1, max: 6 }),
  store_and_fwd_flag: fc.constantFrom("N", "Y", null, ""),
  fare_amount: fc.constantFrom(0, -0, 1.5, Number.NaN, 12),
});
type Row = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

const tableArb = fc
  .array(rowArb, { minLength: 1, maxLength: 8 })
  .chain((pool) =>
    fc.array(fc.nat(pool.length - 1), { maxLength: 40 }).map((picks) => picks.map((i) => pool[i]!)),
  );

function toTable(rows: readonly Row[]): ColumnTable {
  const table = aq.table({
    pickup_datetime: Float64Array.from(rows, (r) => r.pickup_datetime),
    dropoff_datetime: rows.map((r) => r.dropoff_datetime),
    pickup_location_id: rows.map((r) => r.pickup_location_id),
    dropoff_location_id: Float64Array.from(rows, (r) => r.dropoff_location_id),
    store_and_fwd_flag: rows.map((r) => r.store_and_fwd_flag),
    fare_amount: Float64Array.from(rows, (r) => r.fare_amount),
  });
  return withTimestamps(table, "pickup_datetime", "dropoff_datetime");
}

const isN = { column: "store_and_fwd_flag", value: "N", output: "store_and_fwd_flag_is_N" } as const;
const month = fc.constantFrom("201703", "201704", "201806", "201811");
const hour = fc.integer({ min: 0, max: 23 });

/** Random row-local steps of the library (filters, and derives adding new columns). */
const rowLocalStepArb: fc.Arbitrary<Step> = fc.oneof(
  fc
    .tuple(month, month)
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [a, b].sort())
    .map(([after, through]) => makeStep(limitHistory, { column: "pickup_datetime", after, through })),
  fc.tuple(hour, hour).map(([from, to]) => makeStep(keepHourWindow, { column: "pickup_datetime", from, to })),
  fc.constant(makeStep(keepHourWindow, { column: "dropoff_datetime", from: 17, to: 23 })),
  fc
    .constantFrom("pickup_location_id", "dropoff_location_id")
    .map((column) =>
      makeStep(excludeAirports, { column, zones, zoneIdColumn: "zone_id", zoneNameColumn: "zone_name" }),
    ),
  fc.constant(
    makeStep(excludeMatching, {
      column: "dropoff_location_id",
      lookup: zones,
      lookupKey: "zone_id",
      where: { column: "borough", in: ["Queens", "Brooklyn"] },
    }),
  ),
  fc.constant(makeStep(dropMissing, { columns: ["fare_amount", "dropoff_datetime"] })),
  fc.constant(makeStep(addDateParts, { column: "pickup_datetime" })),
  fc.constant(makeStep(encodeFlag, isN)),
);

/** Distinct derives only (a derive added twice would overwrite its own column). */
function distinctSteps(steps: readonly Step[]): Step[] {
  const seen = new Set<string>();
  return steps.filter((s) => {
    const derive = s.transform.transformName === "addDateParts" || s.transform.transformName === "encodeFlag";
    if (!derive) return true;
    if (seen.has(s.transform.transformName)) return false;
    seen.add(s.transform.transformName);
    return true;
  });
}

function runSteps(table: ColumnTable, steps: readonly Step[]): ColumnTable {
  const planned = planSteps(table.columnNames(), steps);
  return planned.reduce((t, s) => s.transform.applyUnchecked(t, s.resolved), table);
}

/** Column values with -0 and NaN kept distinguishable (toEqual would also do; this is explicit). */
function cells(table: ColumnTable): unknown[][] {
  const names = table.columnNames();
  return table.objects().map((row) =>
    names.map((n) => {
      const v = (row as Record<string, unknown>)[n];
      return typeof v === "number" && Object.is(v, -0) ? "-0" : v;
    }),
  );
}

describe("row-local transforms", () => {
  it("give the same table run chunk by chunk as run once", () => {
    fc.assert(
      fc.property(tableArb, rowLocalStepArb, fc.array(fc.nat(40), { maxLength: 4 }), (rows, s, cuts) => {
        expect(s.transform.rowLocal).toBe(true);
        const table = toTable(rows);
        const whole = runSteps(table, [s]);
        const bounds = [
          0,
          ...[...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b),
          rows.length,
        ];
        const acc = new TableAccumulator();
        for (let i = 0; i + 1 < bounds.length; i++) {
          acc.append(runSteps(table.slice(bounds[i], bounds[i + 1]).reify(), [s]));
        }
        const chunked = acc.finish(whole.columnNames());
        expect(chunked.columnNames()).toEqual(whole.columnNames());
        expect(cells(chunked)).toEqual(cells(whole));
      }),
      { numRuns: 300 },
    );
  });
});

describe("dropDuplicates on all columns", () => {
  it("commutes with row-local filters and derives: same rows, same order", () => {
    fc.assert(
      fc.property(tableArb, fc.array(rowLocalStepArb, { maxLength: 4 }), (rows, drawn) => {
        const steps = distinctSteps(drawn);
        const table = toTable(rows);
        const dedupeFirst = runSteps(table, [makeStep(dropDuplicates, {}), ...steps]);
        const dedupeLast = runSteps(table, [...steps, makeStep(dropDuplicates, {})]);
        expect(dedupeLast.columnNames()).toEqual(dedupeFirst.columnNames());
        expect(cells(dedupeLast)).toEqual(cells(dedupeFirst));
      }),
      { numRuns: 500 },
    );
  });

  it("is moved after them by the planner, which then gives the pipe's own result", () => {
    fc.assert(
      fc.property(tableArb, fc.array(rowLocalStepArb, { maxLength: 4 }), (rows, drawn) => {
        const steps = [makeStep(dropDuplicates, {}), ...distinctSteps(drawn)];
        const table = toTable(rows);
        const plan = optimizePlan(table.columnNames(), planSteps(table.columnNames(), steps));
        expect(plan.at(-1)?.transform.transformName).toBe("dropDuplicates");
        const optimised = plan.reduce((t, s) => s.transform.applyUnchecked(t, s.resolved), table);
        const plain = steps.reduce((p, s) => p.step(s), pipe(table)).value();
        expect(cells(optimised)).toEqual(cells(plain));
      }),
      { numRuns: 200 },
    );
  });

  it("stays first on a subset, where a filter could drop the first copy of a key", () => {
    const table = toTable([]);
    const steps = [makeStep(dropDuplicates, { subset: ["pickup_location_id"] }), makeStep(encodeFlag, isN)];
    const plan = optimizePlan(table.columnNames(), planSteps(table.columnNames(), steps));
    expect(plan[0]?.transform.transformName).toBe("dropDuplicates");
  });
});
