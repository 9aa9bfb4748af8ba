/**
 * The row-local filters' `keepRows` (the rows a filter keeps among given backing rows, for a streamed read)
 * keeps exactly the rows its `apply` keeps of a view showing those rows.
 */
import { typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excludeAirports } from "./exclude-airports";
import { excludeMatching } from "./exclude-matching";
import { keepHourWindow } from "./keep-hour-window";
import { limitHistory } from "./limit-history";

const HOUR = 3_600_000;

interface Row {
  zone: number | null;
  at: number;
}

const row: fc.Arbitrary<Row> = fc.record({
  zone: fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(1.5), fc.constant(70_000)), {
    freq: 8,
  }),
  // hours across two month ends and a day; sometimes missing
  at: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: -30, max: 30 }).map((h) => Date.UTC(2018, 1, 1) + h * HOUR) },
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
  ),
});

const zones = aq.table({
  zone_id: [1, 2, 3, 70_000],
  zone_name: ["Newark Airport", "Jamaica Bay", "JFK Airport", "LaGuardia Airport"],
});

/** A table of the rows (with `id`, each row's number) and the backing rows a view of it shows. */
const input = fc.array(row, { maxLength: 80 }).chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    shown: fc.subarray(
      rows.map((_, i) => i),
      { minLength: 0 },
    ),
    typed: fc.boolean(),
  }),
);

function toTable(rows: readonly Row[], typed: boolean): aq.ColumnTable {
  return aq.table({
    id: Float64Array.from(rows, (_, i) => i),
    zone: typed ? Float64Array.from(rows, (r) => r.zone ?? Number.NaN) : rows.map((r) => r.zone),
    at: Float64Array.from(rows, (r) => r.at),
  });
}

/** `table` with `at` declared a time stamp (its numbers are epoch milliseconds), as the filters need. */
function withTypes(table: aq.ColumnTable): aq.ColumnTable {
  return typedTable(table, {
    id: { type: "float", nullable: false },
    zone: { type: "float", nullable: true },
    at: { type: "timestamp", nullable: true },
  }) as unknown as aq.ColumnTable;
}

interface Filter {
  readonly name: string;
  readonly apply: (table: aq.ColumnTable) => aq.ColumnTable;
  readonly keepRows: ((table: aq.ColumnTable, rows: Uint32Array) => Uint32Array) | undefined;
}

function filterOf<P extends object>(
  transform: {
    (table: aq.ColumnTable, params: P): aq.ColumnTable;
    resolveParams(params: unknown): Record<string, unknown>;
    keepRows?: (table: aq.ColumnTable, rows: Uint32Array, resolved: Record<string, unknown>) => Uint32Array;
  },
  name: string,
  params: P,
): Filter {
  const resolved = transform.resolveParams(params);
  const keepRows = transform.keepRows;
  return {
    name,
    apply: (table) => transform(table, params),
    keepRows: keepRows === undefined ? undefined : (table, rows) => keepRows(table, rows, resolved),
  };
}

const filters: readonly Filter[] = [
  filterOf(limitHistory, "limitHistory", { column: "at", after: "201801", through: "201802" }),
  filterOf(keepHourWindow, "keepHourWindow", { column: "at", from: 22, to: 2 }),
  filterOf(excludeAirports, "excludeAirports", {
    column: "zone",
    zones,
    zoneIdColumn: "zone_id",
    zoneNameColumn: "zone_name",
  }),
  filterOf(excludeMatching, "excludeMatching", {
    column: "zone",
    lookup: zones,
    lookupKey: "zone_id",
    where: { column: "zone_name", startsWith: "J" },
  }),
];

describe("keepRows", () => {
  for (const { name, apply, keepRows } of filters) {
    it(`${name}: keeps the rows apply keeps of a view showing the given rows`, () => {
      expect(keepRows).toBeDefined();
      fc.assert(
        fc.property(input, ({ rows, shown, typed }) => {
          const table = toTable(rows, typed);
          const mask = new aq.BitSet(rows.length);
          for (const i of shown) mask.set(i);
          const view = withTypes(table.create({ filter: mask }));
          const expected = Array.from(apply(view).array("id") as ArrayLike<number>);
          expect(Array.from(keepRows!(table, Uint32Array.from(shown)))).toEqual(expected);
        }),
        { seed: 5, numRuns: 200 },
      );
    });
  }
});
