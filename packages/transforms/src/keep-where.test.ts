/**
 * The row-local filters that state their rows as a condition (`keepWhere`, tested in a parallel read's worker
 * threads) keep exactly the rows their own implementation keeps, on every table of the schema's types.
 */
import { and, col, type ExprNode, gt, isNotNull, type TableSchema } from "@tablepipe/core";
import { attachSchema, evaluateExpression, trueRows } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excludeAirports } from "./exclude-airports";
import { excludeMatching } from "./exclude-matching";
import { filter } from "./filter";
import { keepHourWindow } from "./keep-hour-window";
import { limitHistory } from "./limit-history";

type Filter = {
  (table: ColumnTable, params: never): ColumnTable;
  resolveParams(params: unknown): Record<string, unknown>;
  keepWhere?: (resolved: Record<string, unknown>, input: TableSchema) => ExprNode | undefined;
};

/** The rows (by the hidden "i" column) `transform` keeps, and those its condition keeps. */
function keptBoth(
  transform: Filter,
  params: object,
  columns: Record<string, ArrayLike<unknown>>,
  schema: TableSchema,
): { byApply: number[]; byCondition: number[] } {
  const rows = Object.values(columns)[0]?.length ?? 0;
  // the table carries the schema's types, as a read's does
  const table = attachSchema(aq.table({ ...columns, i: Array.from({ length: rows }, (_, i) => i) }), {
    ...schema,
    i: { type: "int", nullable: false },
  });
  const condition = transform.keepWhere?.(transform.resolveParams(params), schema);
  if (condition === undefined) throw new Error(`no condition for ${JSON.stringify(params)}`);
  const input = { rowCount: rows, column: (name: string) => columns[name] ?? [] };
  return {
    byApply: transform(table, params as never).array("i") as number[],
    byCondition: [...trueRows(evaluateExpression(condition, input, "test"), rows)],
  };
}

const DAY = 86_400_000;
const month = (y: number, m: number) => Date.UTC(y, m - 1, 1);
/** Time stamps near month starts and hour changes, before 1970 too, and missing ones (NaN). */
const instant = fc.oneof(
  fc.constantFrom(month(2017, 4), month(2018, 12), month(1969, 12), 0, -1, Number.NaN),
  fc
    .tuple(
      fc.integer({ min: -800, max: 800 }),
      fc.integer({ min: 0, max: 24 * 4 }),
      fc.constantFrom(-1, 0, 1),
    )
    .map(([days, quarter, ms]) => month(2018, 1) + days * DAY + quarter * 900_000 + ms),
);
const yyyyMM = fc
  .tuple(fc.integer({ min: 1969, max: 2020 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}${String(m).padStart(2, "0")}`);
/** Two months, the first before the second (limitHistory refuses another pair). */
const monthPair = fc
  .tuple(yyyyMM, yyyyMM)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [string, string] => (a < b ? [a, b] : [b, a]));

/** A time-stamp column as a read makes it: a Float64Array (no nulls), or an array with nulls. */
const timestampColumn = (values: number[], nullable: boolean): ArrayLike<unknown> =>
  nullable
    ? values.map((v) => (Number.isNaN(v) ? null : v))
    : Float64Array.from(values, (v) => (Number.isNaN(v) ? 0 : v));

describe("keepWhere agrees with the transform's own rows", () => {
  it("limitHistory, on time-stamp and date columns", () => {
    fc.assert(
      fc.property(
        fc.array(instant, { maxLength: 40 }),
        monthPair,
        fc.boolean(),
        (at, [after, through], nullable) => {
          for (const type of ["timestamp", "date"] as const) {
            const schema: TableSchema = { at: { type, nullable } };
            const { byApply, byCondition } = keptBoth(
              limitHistory as unknown as Filter,
              { column: "at", after, through },
              { at: timestampColumn(at, nullable) },
              schema,
            );
            expect(byCondition).toEqual(byApply);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keepHourWindow, wrapping midnight or not", () => {
    const hourOfDay = fc.integer({ min: 0, max: 23 });
    fc.assert(
      fc.property(
        fc.array(instant, { maxLength: 40 }),
        hourOfDay,
        hourOfDay,
        fc.boolean(),
        (at, from, to, nullable) => {
          const { byApply, byCondition } = keptBoth(
            keepHourWindow as unknown as Filter,
            { column: "at", from, to },
            { at: timestampColumn(at, nullable) },
            { at: { type: "timestamp", nullable } },
          );
          expect(byCondition).toEqual(byApply);
        },
      ),
      { numRuns: 200 },
    );
  });

  const key = fc.oneof(
    fc.integer({ min: -2, max: 6 }),
    fc.constantFrom(-0, 1.5, 70_000, Number.POSITIVE_INFINITY, null),
  );

  it("excludeAirports and excludeMatching, on number keys against number keys", () => {
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 40 }),
        fc.array(fc.tuple(key, fc.constantFrom("JFK Airport", "Midtown", "airport road")), { maxLength: 8 }),
        (keys, lookupRows) => {
          const zones = aq.table({
            id: lookupRows.map(([id]) => id),
            name: lookupRows.map(([, name]) => name),
          });
          const schema: TableSchema = { zone: { type: "int", nullable: true } };
          const airports = keptBoth(
            excludeAirports as unknown as Filter,
            { column: "zone", zones, zoneIdColumn: "id", zoneNameColumn: "name" },
            { zone: keys },
            schema,
          );
          expect(airports.byCondition).toEqual(airports.byApply);
          const matching = keptBoth(
            excludeMatching as unknown as Filter,
            { column: "zone", lookup: zones, lookupKey: "id", where: { column: "name", equals: "Midtown" } },
            { zone: keys },
            schema,
          );
          expect(matching.byCondition).toEqual(matching.byApply);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("filter: its own expression", () => {
    const where = and(gt(col("fare"), 10), isNotNull(col("note")));
    expect(filter.keepWhere?.(filter.resolveParams({ where }), {})).toEqual(where);
  });
});

describe("keepWhere declines where the condition could differ from the transform", () => {
  const zones = aq.table({ id: ["1", "132"], name: ["Newark Airport", "JFK Airport"] });
  const numberZones = aq.table({ id: [1, 132], name: ["Newark Airport", "JFK Airport"] });
  const params = { column: "zone", zoneIdColumn: "id", zoneNameColumn: "name" } as const;
  const keepWhere = (table: ColumnTable, schema: TableSchema) =>
    excludeAirports.keepWhere?.(excludeAirports.resolveParams({ ...params, zones: table }), schema);

  it("an anti-join with text keys, or on a column that is not a number (the transform reports a kind mismatch)", () => {
    expect(keepWhere(zones, { zone: { type: "int", nullable: false } })).toBeUndefined();
    expect(keepWhere(numberZones, { zone: { type: "string", nullable: false } })).toBeUndefined();
    expect(keepWhere(numberZones, { zone: { type: "int", nullable: false } })).toBeDefined();
  });
});
