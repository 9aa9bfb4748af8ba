import { columnKinds, normalizeColumnName } from "@tablepipe/io";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { taxiTripAliases, taxiZoneGeoAliases } from "./aliases";
import { TAXI_TRIP_COLUMNS, taxiTripSchema } from "./trip-schema";
import { TAXI_ZONE_GEO_COLUMNS, taxiZoneGeoSchema } from "./zone-schema";

const GUIDE_TRIP_COLUMNS = [
  "vendor_id",
  "pickup_datetime",
  "dropoff_datetime",
  "passenger_count",
  "trip_distance",
  "rate_code",
  "store_and_fwd_flag",
  "payment_type",
  "fare_amount",
  "extra",
  "mta_tax",
  "tip_amount",
  "tolls_amount",
  "imp_surcharge",
  "total_amount",
  "pickup_location_id",
  "dropoff_location_id",
];

/** Where each schema column is found in `header`, the way the core reader matches names (case, `_`, `-`, spaces ignored). */
function locate(
  header: string,
  columns: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>>,
) {
  const names = header.split(",").map(normalizeColumnName);
  return Object.fromEntries(
    columns.map((column) => {
      const candidates = new Set([column, ...(aliases[column] ?? [])].map(normalizeColumnName));
      const found = names.flatMap((name, i) => (candidates.has(name) ? [header.split(",")[i]] : []));
      return [column, found];
    }),
  );
}

function expectEachFoundOnce(found: Record<string, unknown>): void {
  for (const [column, hits] of Object.entries(found)) {
    expect(hits, `column ${column}`).toHaveLength(1);
  }
}

describe("taxiTripSchema", () => {
  it("has the guide's 17 columns in order", () => {
    expect(TAXI_TRIP_COLUMNS).toEqual(GUIDE_TRIP_COLUMNS);
  });

  it("types each column plainly, so the reader can introspect it", () => {
    const kinds = Object.fromEntries(columnKinds(taxiTripSchema).map((s) => [s.name, s.kind]));
    expect(kinds).toMatchObject({
      vendor_id: "int",
      pickup_datetime: "timestamp",
      dropoff_datetime: "timestamp",
      passenger_count: "int",
      trip_distance: "float",
      rate_code: "int",
      store_and_fwd_flag: "string",
      payment_type: "int",
      tip_amount: "float",
      total_amount: "float",
      pickup_location_id: "int",
      dropoff_location_id: "int",
    });
    const nullable = columnKinds(taxiTripSchema)
      .filter((s) => s.nullable)
      .map((s) => s.name);
    expect(nullable).toEqual(["passenger_count", "rate_code", "store_and_fwd_flag"]);
  });

  it("describes every field", () => {
    for (const [name, field] of Object.entries(taxiTripSchema.shape)) {
      expect((field as z.ZodType).description, name).toMatch(/\w{3}/);
    }
    for (const [name, field] of Object.entries(taxiZoneGeoSchema.shape)) {
      expect((field as z.ZodType).description, name).toMatch(/\w{3}/);
    }
  });

  it("accepts a trip with empty optional fields and rejects a fractional vendor id", () => {
    const trip = {
      vendor_id: 1,
      pickup_datetime: new Date(Date.UTC(2018, 1, 4, 18)),
      dropoff_datetime: new Date(Date.UTC(2018, 1, 4, 18, 20)),
      passenger_count: null,
      trip_distance: 2.1,
      rate_code: null,
      store_and_fwd_flag: null,
      payment_type: 1,
      fare_amount: 10.5,
      extra: 1,
      mta_tax: 0.5,
      tip_amount: 2.46,
      tolls_amount: 0,
      imp_surcharge: 0.3,
      total_amount: 14.76,
      pickup_location_id: 48,
      dropoff_location_id: 264,
    };
    expect(taxiTripSchema.parse(trip)).toEqual(trip);
    expect(taxiTripSchema.safeParse({ ...trip, vendor_id: 1.5 }).success).toBe(false);
    expect(taxiTripSchema.safeParse({ ...trip, payment_type: null }).success).toBe(false);
  });
});

describe("taxiTripAliases", () => {
  it("maps the TLC's own yellow layout (2018, and 2019+ with extra columns)", () => {
    const header =
      "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,RatecodeID," +
      "store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,mta_tax,tip_amount," +
      "tolls_amount,improvement_surcharge,total_amount,congestion_surcharge,airport_fee";
    const found = locate(header, TAXI_TRIP_COLUMNS, taxiTripAliases);
    expectEachFoundOnce(found);
    expect(found).toMatchObject({
      vendor_id: ["VendorID"],
      pickup_datetime: ["tpep_pickup_datetime"],
      rate_code: ["RatecodeID"],
      imp_surcharge: ["improvement_surcharge"],
      pickup_location_id: ["PULocationID"],
      dropoff_location_id: ["DOLocationID"],
    });
  });

  it("maps the TLC green layout and the snake_case export of the TLC layout", () => {
    const green =
      "VendorID,lpep_pickup_datetime,lpep_dropoff_datetime,store_and_fwd_flag,RatecodeID,PULocationID," +
      "DOLocationID,passenger_count,trip_distance,fare_amount,extra,mta_tax,tip_amount,tolls_amount,ehail_fee," +
      "improvement_surcharge,total_amount,payment_type,trip_type,congestion_surcharge";
    expectEachFoundOnce(locate(green, TAXI_TRIP_COLUMNS, taxiTripAliases));
    const snake =
      "vendor_id,pickup_datetime,dropoff_datetime,passenger_count,trip_distance,rate_code_id,store_and_fwd_flag," +
      "pickup_location_id,dropoff_location_id,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount," +
      "improvement_surcharge,total_amount,congestion_surcharge";
    const found = locate(snake, TAXI_TRIP_COLUMNS, taxiTripAliases);
    expectEachFoundOnce(found);
    expect(found.rate_code).toEqual(["rate_code_id"]);
  });

  it("maps the guide's own layout onto itself", () => {
    expectEachFoundOnce(locate(GUIDE_TRIP_COLUMNS.join(","), TAXI_TRIP_COLUMNS, taxiTripAliases));
  });

  it("never gives two columns the same name", () => {
    for (const aliases of [taxiTripAliases, taxiZoneGeoAliases] as Record<string, readonly string[]>[]) {
      const owner = new Map<string, string>();
      for (const [column, names] of Object.entries(aliases)) {
        for (const name of [column, ...names]) {
          const key = normalizeColumnName(name);
          expect(owner.get(key) ?? column, `${name} is claimed twice`).toBe(column);
          owner.set(key, column);
        }
      }
    }
  });
});

describe("taxiZoneGeoSchema and its aliases", () => {
  it("has zone_id, zone_name, borough", () => {
    expect(TAXI_ZONE_GEO_COLUMNS).toEqual(["zone_id", "zone_name", "borough"]);
    expect(columnKinds(taxiZoneGeoSchema).map((s) => `${s.name}:${s.kind}:${s.nullable}`)).toEqual([
      "zone_id:int:false",
      "zone_name:string:false",
      "borough:string:false",
    ]);
  });

  it("maps the TLC zone lookup and BigQuery's zone table", () => {
    const tlc = locate("LocationID,Borough,Zone,service_zone", TAXI_ZONE_GEO_COLUMNS, taxiZoneGeoAliases);
    expect(tlc).toEqual({ zone_id: ["LocationID"], zone_name: ["Zone"], borough: ["Borough"] });
    expectEachFoundOnce(
      locate("zone_id,zone_name,borough,zone_geom", TAXI_ZONE_GEO_COLUMNS, taxiZoneGeoAliases),
    );
  });
});
