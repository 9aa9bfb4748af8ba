import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTable } from "@tablepipe/io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taxiTripAliases, taxiZoneGeoAliases } from "./aliases";
import { generateTrips } from "./generate-trips";
import { generateZones } from "./generate-zones";
import { taxiTripSchema } from "./trip-schema";
import { writeSample } from "./write-sample";
import { taxiZoneGeoSchema } from "./zone-schema";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tip-model-read-back-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeSample -> readTable", () => {
  it("reads back exactly the trips and zones that were generated", async () => {
    const { trips, zones } = await writeSample({ rows: 3_000, seed: 42, dir, chunkRows: 1_000 });
    const read = await readTable(trips, taxiTripSchema, { aliases: taxiTripAliases });
    const expected = generateTrips({ rows: 3_000, seed: 42 });
    expect(read.columnNames()).toEqual(expected.columnNames());
    expect(read.numRows()).toBe(3_000);
    expect(read.objects()).toEqual(expected.objects());
    for (const column of ["pickup_datetime", "dropoff_datetime"]) {
      expect(read.column(column)).toBeInstanceOf(Float64Array);
      expect(expected.column(column)).toBeInstanceOf(Float64Array);
    }
    const zoneTable = await readTable(zones, taxiZoneGeoSchema, { aliases: taxiZoneGeoAliases });
    expect(zoneTable.objects()).toEqual(generateZones().objects());
  });

  it("reads a file in the TLC's own layout through the aliases", async () => {
    const file = join(dir, "tlc.csv");
    await writeFile(
      file,
      "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,RatecodeID," +
        "store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,mta_tax,tip_amount," +
        "tolls_amount,improvement_surcharge,total_amount,congestion_surcharge,airport_fee\n" +
        "2,2018-02-04 18:00:00,2018-02-04 18:12:30,1,1.65,1,N,230,237,1,8.5,1.0,0.5,2.06,0.0,0.3,12.36,,\n" +
        "1,2019-11-02 09:01:00,2019-11-02 09:30:00,,9.1,,,132,48,1,28,0,0.5,0,5.76,0.3,34.56,2.5,\n",
    );
    const t = await readTable(file, taxiTripSchema, { aliases: taxiTripAliases });
    expect(t.objects()).toEqual([
      {
        vendor_id: 2,
        pickup_datetime: Date.UTC(2018, 1, 4, 18),
        dropoff_datetime: Date.UTC(2018, 1, 4, 18, 12, 30),
        passenger_count: 1,
        trip_distance: 1.65,
        rate_code: 1,
        store_and_fwd_flag: "N",
        payment_type: 1,
        fare_amount: 8.5,
        extra: 1,
        mta_tax: 0.5,
        tip_amount: 2.06,
        tolls_amount: 0,
        imp_surcharge: 0.3,
        total_amount: 12.36,
        pickup_location_id: 230,
        dropoff_location_id: 237,
      },
      {
        vendor_id: 1,
        pickup_datetime: Date.UTC(2019, 10, 2, 9, 1),
        dropoff_datetime: Date.UTC(2019, 10, 2, 9, 30),
        passenger_count: null,
        trip_distance: 9.1,
        rate_code: null,
        store_and_fwd_flag: null,
        payment_type: 1,
        fare_amount: 28,
        extra: 0,
        mta_tax: 0.5,
        tip_amount: 0,
        tolls_amount: 5.76,
        imp_surcharge: 0.3,
        total_amount: 34.56,
        pickup_location_id: 132,
        dropoff_location_id: 48,
      },
    ]);
  });

  it("reads the TLC zone lookup layout through the aliases", async () => {
    const file = join(dir, "lookup.csv");
    await writeFile(
      file,
      '"LocationID","Borough","Zone","service_zone"\n1,"EWR","Newark Airport","EWR"\n132,"Queens","JFK Airport","Airports"\n',
    );
    const t = await readTable(file, taxiZoneGeoSchema, { aliases: taxiZoneGeoAliases });
    expect(t.objects()).toEqual([
      { zone_id: 1, zone_name: "Newark Airport", borough: "EWR" },
      { zone_id: 132, zone_name: "JFK Airport", borough: "Queens" },
    ]);
  });
});
