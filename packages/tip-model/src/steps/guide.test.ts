/**
 * The guide's own unit tests (Stage 3), ported from pytest to vitest with the test kit: the add-features
 * column test and the parametrised airport exclusion, both through the whole transform stage
 * (filterData, then addFeatures), as the guide runs them through `tip_model.transform()`.
 */
import "@tablepipe/testing/vitest";
import { pipe } from "@tablepipe/core";
import { tripRows, zoneRows } from "@tablepipe/testing";
import type { ColumnTable } from "arquero";
import { describe, expect, it } from "vitest";
import { addFeatures } from "./add-features";
import { filterData } from "./filter-data";

/** The guide's `transform()`: filter_data, then add_features. */
const transform = (trips: ColumnTable, zones: ColumnTable) =>
  pipe(trips).transform(filterData, { zones }).transform(addFeatures).value();

/** The last four of the guide's `feature_cols`. */
const dateAndFlagFeatures = ["month", "day_of_week", "day_of_month", "store_and_fwd_flag_is_N"];

describe("the guide's tests", () => {
  it("test_add_features_column_names", () => {
    const trips = tripRows.tuples(
      ["pickup_datetime", "store_and_fwd_flag"],
      [
        ["2021-01-01T12:00:00", "Y"],
        ["2021-06-15T09:30:00", "N"],
      ],
    );
    const zones = zoneRows.rows([{}]);
    expect(trips).not.toHaveColumns(dateAndFlagFeatures);
    expect(transform(trips, zones)).toHaveColumns(dateAndFlagFeatures);
  });

  it.each([
    [1, 1, 1],
    [100, 1, 0],
    [1, 100, 0],
    [100, 100, 0],
  ])(
    "test_exclude_airports_by_location(pickup %i, dropoff %i) keeps %i rows",
    (pickup, dropoff, expected) => {
      const trips = tripRows.tuples(["pickup_location_id", "dropoff_location_id"], [[pickup, dropoff]]);
      const zones = zoneRows.tuples(["zone_id", "zone_name"], [[100, "is airport or so"]]);
      expect(transform(trips, zones).numRows()).toBe(expected);
    },
  );

  it("keeps every trip when no zone is an airport (ids missing from the zone table are kept)", () => {
    const trips = tripRows.tuples(
      ["pickup_location_id", "dropoff_location_id"],
      [
        [1, 1],
        [100, 1],
        [1, 100],
        [100, 100],
      ],
    );
    const zones = zoneRows.tuples(["zone_id", "zone_name"], [[100, "terrestrial"]]);
    expect(transform(trips, zones).numRows()).toBe(4);
  });
});
