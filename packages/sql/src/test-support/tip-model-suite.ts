/** The tip model's prepared table on a SQL engine equals the in-process one (shared by DuckDB and Spark). */
import { pipe, step } from "@tablepipe/core";
import {
  addFeatures,
  filterData,
  generateTrips,
  generateZones,
  PREPARED_ORDER,
  taxiTripSchema,
} from "@tablepipe/tip-model";
import { sortRows } from "@tablepipe/transforms";
import { describe, expect, it } from "vitest";
import { columnTypesOf } from "../column-types";
import { expectParity, type ParityEngine } from "./expect-parity";

const zones = generateZones();
const columnTypes = {
  ...columnTypesOf(taxiTripSchema),
  zone_id: "int",
  zone_name: "string",
  borough: "string",
} as const;

/**
 * The tip model's transform stage (filterData, addFeatures, the prepared order) on a generated sample of
 * `rows` trips: every step on the engine, the same table and row counts as in process.
 */
export function describeTipModelParity(engine: ParityEngine, rows: number, enabled = true): void {
  const trips = generateTrips({ rows, seed: 7 });
  const prepared = (hours: { first_evening_hour?: number; last_evening_hour?: number } = {}) =>
    pipe(trips)
      .transform(filterData, { zones, ...hours })
      .transform(addFeatures)
      .step(step(sortRows, { by: PREPARED_ORDER }).as("sortRows"));

  describe.runIf(enabled)(
    `the tip model's prepared table on ${engine.name}`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("equals the in-process one, every step pushed down (keepEveningRides has its own rendering)", async () => {
        const result = await expectParity(prepared(), engine, columnTypes);
        expect(result.placement).toEqual(
          [
            "filterData > dropDuplicates",
            "filterData > limitHistory",
            "filterData > keepEveningRides",
            "filterData > excludeAirports(pickup_location_id)",
            "filterData > excludeAirports(dropoff_location_id)",
            "filterData > firstNDaily",
            "addFeatures > addDateParts",
            "addFeatures > encodeFlag",
            "sortRows",
          ].map((step) => ({ step, engine: engine.name })),
        );
        expect(result.table.numRows()).toBeGreaterThan(rows / 40);
        expect(result.trace.map((e) => e.step)).toEqual(["filterData", "addFeatures", "sortRows"]);
      });

      it("equals the in-process one with an evening window that wraps midnight (22:00-02:59)", async () => {
        const result = await expectParity(
          prepared({ first_evening_hour: 22, last_evening_hour: 2 }),
          engine,
          columnTypes,
        );
        expect(result.placement.every((p) => p.engine === engine.name)).toBe(true);
        expect(result.table.numRows()).toBeGreaterThan(rows / 200);
      });
    },
  );
}
