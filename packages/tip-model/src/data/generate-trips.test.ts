import { checkTableSchema, schemaFromRowSchema, schemaOf } from "@tablepipe/core";
import { describe, expect, it } from "vitest";
import { formatWallClock, tripChunkCsv } from "./csv-text";
import { generateTrips, generateTripsPausing, tripChunkToTable } from "./generate-trips";
import { generateZones } from "./generate-zones";
import { generateTripChunks, generateTripColumns, type TripChunk, type TripColumns } from "./trip-chunks";
import { TAXI_TRIP_COLUMNS, taxiTripSchema } from "./trip-schema";

type Column = Float64Array | string[];

/** All chunks' columns concatenated, as plain arrays. */
function concatenated(chunks: Iterable<TripChunk>): Record<string, (number | string)[]> {
  const out: Record<string, (number | string)[]> = {};
  for (const chunk of chunks) {
    for (const [name, values] of Object.entries(chunk.columns as TripColumns)) {
      const target = out[name] ?? [];
      out[name] = target;
      for (const value of values as Column) target.push(value);
    }
  }
  return out;
}

/** FNV-1a over the CSV bytes of the rows: one number that changes with any generated value. */
function fingerprint(chunks: Iterable<TripChunk>): string {
  let h = 0x811c9dc5;
  for (const chunk of chunks) {
    for (const byte of tripChunkCsv(chunk)) h = Math.imul(h ^ byte, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

describe("generateTripChunks", () => {
  it("gives the same rows on every run", () => {
    const a = concatenated(generateTripChunks({ rows: 3_000, seed: 42 }));
    const b = concatenated(generateTripChunks({ rows: 3_000, seed: 42 }));
    expect(a).toEqual(b);
  });

  it("gives the same rows whatever the chunk size", () => {
    const whole = concatenated(generateTripChunks({ rows: 2_500, seed: 7, chunkRows: 2_500 }));
    for (const chunkRows of [1, 7, 333, 1_024, 65_536]) {
      expect(
        concatenated(generateTripChunks({ rows: 2_500, seed: 7, chunkRows })),
        `chunkRows ${chunkRows}`,
      ).toEqual(whole);
    }
  });

  it("extends a smaller sample: the first rows of a larger one are the same rows", () => {
    const small = concatenated(generateTripChunks({ rows: 1_000, seed: 3 }));
    const large = concatenated(generateTripChunks({ rows: 2_000, seed: 3, chunkRows: 300 }));
    for (const [name, values] of Object.entries(small))
      expect(large[name]?.slice(0, 1_000), name).toEqual(values);
  });

  it("gives other rows for another seed", () => {
    const a = concatenated(generateTripChunks({ rows: 200, seed: 1 }));
    const b = concatenated(generateTripChunks({ rows: 200, seed: 2 }));
    expect(a.pickup_datetime).not.toEqual(b.pickup_datetime);
  });

  it("pins the sample bit for bit (same on every machine and time zone; a change here is a new sample)", () => {
    expect(fingerprint(generateTripChunks({ rows: 5_000, seed: 42, chunkRows: 999 }))).toBe("c2e725da");
  });

  it("yields chunks of the asked size, numbered by their first row", () => {
    const chunks = [...generateTripChunks({ rows: 10, seed: 42, chunkRows: 4 })];
    expect(chunks.map((c) => [c.start, c.rows])).toEqual([
      [0, 4],
      [4, 4],
      [8, 2],
    ]);
    expect(Object.keys(chunks[0]?.columns ?? {})).toEqual(TAXI_TRIP_COLUMNS);
    expect([...generateTripChunks({ rows: 0 })]).toEqual([]);
  });

  it("checks its options at once", () => {
    expect(() => generateTripChunks({ rows: -1 })).toThrow(/rows must be an integer >= 0/);
    expect(() => generateTripChunks({ rows: 1.5 })).toThrow(RangeError);
    expect(() => generateTripChunks({ rows: 10, chunkRows: 0 })).toThrow(/chunkRows/);
    expect(() => generateTripChunks({ rows: 10, seed: 0.5 })).toThrow(/seed/);
  });
});

describe("generateTrips", () => {
  it("returns an arquero table in the taxi_trip_data layout, time stamps as epoch milliseconds (no Dates)", () => {
    const t = generateTrips({ rows: 500, seed: 42 });
    expect(t.numRows()).toBe(500);
    expect(t.columnNames()).toEqual(TAXI_TRIP_COLUMNS);
    for (const column of ["pickup_datetime", "dropoff_datetime"]) {
      expect(t.column(column)).toBeInstanceOf(Float64Array);
    }
    const pickup = t.get("pickup_datetime", 0) as number;
    const chunk = [...generateTripChunks({ rows: 1, seed: 42 })][0];
    expect(pickup).toBe(chunk?.columns.pickup_datetime[0]);
    expect(pickup % 1000).toBe(0);
    const csvLine = new TextDecoder().decode(tripChunkCsv(chunk as TripChunk));
    expect(formatWallClock(pickup)).toBe(csvLine.split(",")[1]);
    expect(t.get("store_and_fwd_flag", 0)).toMatch(/^[NY]$/);
  });

  it("equals the chunks, converted one by one", () => {
    const whole = generateTrips({ rows: 300, seed: 5 }).objects();
    const parts = [...generateTripChunks({ rows: 300, seed: 5, chunkRows: 128 })].flatMap((c) =>
      tripChunkToTable(c).objects(),
    );
    expect(parts).toEqual(whole);
  });

  it("defaults the seed to 42 and allows zero rows", () => {
    expect(generateTrips({ rows: 50 }).objects()).toEqual(generateTrips({ rows: 50, seed: 42 }).objects());
    const empty = generateTrips({ rows: 0 });
    expect(empty.numRows()).toBe(0);
    expect(empty.columnNames()).toEqual(TAXI_TRIP_COLUMNS);
  });
});

describe("generateTripColumns and generateTripsPausing", () => {
  it("give the same rows as the chunks, pausing after each chunk but the last", async () => {
    let pauses = 0;
    const columns = await generateTripColumns({ rows: 2_500, seed: 7, chunkRows: 333 }, async () => {
      pauses++;
    });
    const chunks = concatenated(generateTripChunks({ rows: 2_500, seed: 7 }));
    expect(concatenated([{ start: 0, rows: 2_500, columns }])).toEqual(chunks);
    expect(pauses).toBe(7); // 8 chunks of at most 333 rows
  });

  it("stop when the pause throws, generating no further chunk", async () => {
    let pauses = 0;
    const stop = new Error("interrupted by SIGINT");
    await expect(
      generateTripColumns({ rows: 1_000, chunkRows: 100 }, async () => {
        pauses++;
        throw stop;
      }),
    ).rejects.toBe(stop);
    expect(pauses).toBe(1);
  });

  it("check their options before generating", async () => {
    const never = async () => expect.unreachable("no chunk may be generated");
    await expect(generateTripColumns({ rows: -1 }, never)).rejects.toThrow(/rows must be an integer >= 0/);
    await expect(generateTripColumns({ rows: 5, chunkRows: 0 }, never)).rejects.toThrow(/chunkRows/);
  });

  it("generateTripsPausing gives generateTrips' table", async () => {
    const pausing = await generateTripsPausing({ rows: 400, seed: 9 }, async () => undefined);
    expect(pausing.objects()).toEqual(generateTrips({ rows: 400, seed: 9 }).objects());
    expect(schemaOf(pausing)).toEqual(schemaOf(generateTrips({ rows: 1 })));
    expect((await generateTripsPausing({ rows: 0 }, async () => undefined)).numRows()).toBe(0);
  });
});

describe("the generated tables' schema", () => {
  it("carries taxiTripSchema's column types, and every generated value fits them", () => {
    const trips = generateTrips({ rows: 2_000, seed: 3 });
    const schema = schemaOf(trips);
    expect(schema).toEqual(schemaFromRowSchema(taxiTripSchema));
    expect(schema.pickup_datetime).toEqual({ type: "timestamp", nullable: false });
    expect(schema.passenger_count).toEqual({ type: "int", nullable: true });
    checkTableSchema(trips, schema, "generateTrips");
    const zones = generateZones();
    expect(schemaOf(zones).zone_id).toEqual({ type: "int", nullable: false });
  });
});
