import { configureLogging, resetLogging } from "@tablepipe/job";
import { tripRows, zoneRows } from "@tablepipe/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FEATURE_COLUMNS } from "../config";
import { TipAmountModel, TrainingDataError } from "./tip-amount-model";

// The guide's unit tests (Stage 3), at the level of the job's transform() stage: the source tables are set on
// the instance from the test kit's factories, then transform() runs the real filterData + addFeatures.

beforeEach(() => configureLogging({ stream: { write: () => undefined } }));
afterEach(() => resetLogging());

const isSubset = (a: readonly string[], b: readonly string[]): boolean => a.every((name) => b.includes(name));

function jobWith(
  trips: ReturnType<typeof tripRows.rows>,
  zones = zoneRows.rows([{}]),
  config: ConstructorParameters<typeof TipAmountModel>[0] = {},
): TipAmountModel {
  const job = new TipAmountModel(config);
  job.tables.taxi_trip_data = trips;
  job.tables.taxi_zone_geo = zones;
  return job;
}

const column = (job: TipAmountModel, name: string): unknown[] =>
  Array.from(job.table("prepared_data").array(name) as ArrayLike<unknown>);

describe("test_add_features_column_names", () => {
  it("prepared_data has the feature columns (the guide's rows)", async () => {
    const job = jobWith(
      tripRows.tuples(
        ["pickup_datetime", "store_and_fwd_flag"],
        [
          ["2021-01-01T12:00:00", "Y"],
          ["2021-06-15T09:30:00", "N"],
        ],
      ),
    );
    expect(isSubset(job.featureCols, job.table("taxi_trip_data").columnNames())).toBe(false);
    await job.transform();
    expect(isSubset(job.featureCols, job.table("prepared_data").columnNames())).toBe(true);
    expect(job.featureCols).toEqual(FEATURE_COLUMNS);
  });

  it("computes the features of rows that pass the filters (Spark's day_of_week, 1 = Sunday)", async () => {
    const job = jobWith(
      tripRows.rows([
        // Friday 2018-06-15, flag Y, pickup zone 1
        {
          pickup_datetime: "2018-06-15T18:00:00",
          dropoff_datetime: "2018-06-15T18:40:00",
          store_and_fwd_flag: "Y",
        },
        // Sunday 2018-12-30 is after history_end_month: dropped; Sunday 2018-11-04 23:30 kept
        {
          pickup_datetime: "2018-11-04T23:30:00",
          dropoff_datetime: "2018-11-04T23:59:59",
          pickup_location_id: 7,
        },
        { pickup_datetime: "2018-12-30T18:00:00", dropoff_datetime: "2018-12-30T18:30:00" },
      ]),
    );
    await job.transform();
    expect(job.table("prepared_data").numRows()).toBe(2);
    expect(column(job, "pickup_location_id")).toEqual([1, 7]);
    expect(column(job, "month")).toEqual([6, 11]);
    expect(column(job, "day_of_week")).toEqual([6, 1]);
    expect(column(job, "day_of_month")).toEqual([15, 4]);
    expect(column(job, "store_and_fwd_flag_is_N")).toEqual([0, 1]);
  });
});

describe("test_exclude_airports_by_location", () => {
  it.each([
    [1, 1, 1],
    [100, 1, 0],
    [1, 100, 0],
    [100, 100, 0],
  ])("pickup %i, dropoff %i with zone 100 an airport: %i row(s)", async (pickup, dropoff, expected) => {
    const job = jobWith(
      tripRows.tuples(["pickup_location_id", "dropoff_location_id"], [[pickup, dropoff]]),
      zoneRows.tuples(["zone_id", "zone_name"], [[100, "is airport or so"]]),
    );
    await job.transform();
    expect(job.table("prepared_data").numRows()).toBe(expected);
  });

  it("keeps all four trips when no zone is an airport", async () => {
    // The guide's text expects 3 here; the four trips are distinct and no pickup zone has more than
    // n_first_daily_rides_to_keep (3) rides on the day, so all 4 remain.
    const trips = tripRows.tuples(
      ["pickup_location_id", "dropoff_location_id"],
      [
        [1, 1],
        [100, 1],
        [1, 100],
        [100, 100],
      ],
    );
    const job = jobWith(trips, zoneRows.tuples(["zone_id", "zone_name"], [[100, "terrestrial"]]));
    await job.transform();
    expect(job.table("prepared_data").numRows()).toBe(4);

    job.tables.taxi_zone_geo = zoneRows.tuples(["zone_id", "zone_name"], [[100, "is airport or so"]]);
    await job.transform();
    expect(job.table("prepared_data").numRows()).toBe(1);
  });

  it("matches 'airport' in any case, keeps trips of zones missing from the table, never duplicates trips", async () => {
    const job = jobWith(
      tripRows.tuples(
        ["pickup_location_id", "dropoff_location_id"],
        [
          [1, 2],
          [3, 2],
          [264, 265],
        ],
      ),
      zoneRows.tuples(
        ["zone_id", "zone_name"],
        [
          [1, "Snack Zone"],
          [1, "Snack Zone"],
          [2, "Midtown"],
          [2, "Midtown"],
          [3, "LaGuardia AIRPORT"],
        ],
      ),
    );
    await job.transform();
    expect(column(job, "pickup_location_id")).toEqual([1, 264]);
  });
});

describe("the other filters, at job level", () => {
  it("limitHistory: after history_start_month (exclusive), up to history_end_month (inclusive)", async () => {
    const evening = (date: string) => ({
      pickup_datetime: `${date}T18:00:00`,
      dropoff_datetime: `${date}T18:30:00`,
    });
    const job = jobWith(
      tripRows.rows([
        { ...evening("2017-03-31"), pickup_location_id: 1 },
        { ...evening("2017-04-01"), pickup_location_id: 2 },
        { ...evening("2018-11-30"), pickup_location_id: 3 },
        { ...evening("2018-12-01"), pickup_location_id: 4 },
      ]),
    );
    await job.transform();
    expect(column(job, "pickup_location_id")).toEqual([2, 3]);

    job.config.history_start_month = "201702";
    job.config.history_end_month = "201812";
    await job.transform();
    expect(column(job, "pickup_location_id")).toEqual([1, 2, 3, 4]);
  });

  it("keepEveningRides: drop-off hours 17 to 23 inclusive, in UTC wall-clock time whatever TZ is", async () => {
    const dropoffs = ["16:59:59", "17:00:00", "23:59:59", "00:00:00"];
    const job = jobWith(
      tripRows.rows(
        dropoffs.map((time, i) => ({
          pickup_datetime: "2018-02-04T16:00:00",
          dropoff_datetime: `2018-02-0${time === "00:00:00" ? 5 : 4}T${time}`,
          pickup_location_id: i + 1,
        })),
      ),
    );
    await job.transform();
    expect(column(job, "pickup_location_id")).toEqual([2, 3]);
  });

  it("keepEveningRides: a first hour after the last hour wraps midnight", async () => {
    const dropoffs = [
      "2018-02-04T21:59:59",
      "2018-02-04T22:00:00",
      "2018-02-05T00:30:00",
      "2018-02-05T01:59:59",
      "2018-02-05T02:00:00",
    ];
    const job = jobWith(
      tripRows.rows(
        dropoffs.map((dropoff, i) => ({
          pickup_datetime: "2018-02-04T21:00:00",
          dropoff_datetime: dropoff,
          pickup_location_id: i + 1,
        })),
      ),
      zoneRows.rows([{}]),
      { first_evening_hour: 22, last_evening_hour: 1 },
    );
    await job.transform();
    expect(column(job, "pickup_location_id")).toEqual([2, 3, 4]);
  });

  it("firstNDaily: keeps the n earliest rides per pickup zone and day; rerunning transform picks up n", async () => {
    const rides = [5, 1, 4, 2, 3].map((minute) => ({
      pickup_datetime: `2018-02-04T18:0${minute}:00`,
      dropoff_datetime: `2018-02-04T18:3${minute}:00`,
      tip_amount: minute,
    }));
    const nextDay = { pickup_datetime: "2018-02-05T18:00:00", dropoff_datetime: "2018-02-05T18:30:00" };
    const job = jobWith(tripRows.rows([...rides, nextDay, { ...nextDay, pickup_location_id: 9 }]));
    await job.transform();
    expect(column(job, "tip_amount")).toEqual([1, 2, 3, 0.8, 0.8]);

    job.config.n_first_daily_rides_to_keep = 1;
    await job.transform();
    expect(column(job, "tip_amount")).toEqual([1, 0.8, 0.8]);
    expect(job.history.map((run) => run.stage)).toEqual(["transform", "transform"]);
  });

  it("dropDuplicates: rows equal in every column count once", async () => {
    const job = jobWith(tripRows.rows([{}, {}, { tip_amount: 2 }]));
    await job.transform();
    expect(column(job, "tip_amount")).toEqual([0.8, 2]);
  });

  it("ends in one canonical order: pickup_location_id, pickup_datetime, dropoff_datetime", async () => {
    const job = jobWith(
      tripRows.rows([
        { pickup_location_id: 5, pickup_datetime: "2018-02-04T18:00:00" },
        { pickup_location_id: 2, pickup_datetime: "2018-02-04T18:10:00" },
        { pickup_location_id: 2, pickup_datetime: "2018-02-04T18:05:00" },
      ]),
    );
    await job.transform();
    expect(column(job, "pickup_location_id")).toEqual([2, 2, 5]);
    const times = column(job, "pickup_datetime").map((value) =>
      new Date(value as number | Date).toISOString(),
    );
    expect(times).toEqual([
      "2018-02-04T18:05:00.000Z",
      "2018-02-04T18:10:00.000Z",
      "2018-02-04T18:00:00.000Z",
    ]);
  });
});

describe("stage preconditions", () => {
  it("transform before extract names the missing table", async () => {
    const job = new TipAmountModel();
    await expect(job.transform()).rejects.toThrow(/table "taxi_trip_data" does not exist yet/);
  });

  it("train on prepared data with no rows says so", async () => {
    const job = jobWith(tripRows.rows([{ pickup_datetime: "2016-01-01T18:00:00" }]));
    await job.transform();
    expect(job.table("prepared_data").numRows()).toBe(0);
    await expect(job.train()).rejects.toThrow(TrainingDataError);
    await expect(job.train()).rejects.toThrow(
      /^no training rows: the filters left no usable prepared rows; relax the filters/,
    );
    expect(job.tables.training).toBeUndefined();
  });

  it("a split that leaves the test set empty says so before training", async () => {
    const job = jobWith(tripRows.rows([{}, { tip_amount: 3 }]), zoneRows.rows([{}]), { test_fraction: 0.01 });
    await job.transform();
    await expect(job.train()).rejects.toThrow(
      "no test rows: test_fraction 0.01 of 2 usable prepared rows put none in the test set; raise test_fraction or add data",
    );
    expect(job.model).toBeUndefined();
  });

  it("validate before train says to train first", async () => {
    const job = new TipAmountModel();
    await expect(job.validate()).rejects.toThrow("no model yet: run train() first");
  });
});
