import { describe, expect, it } from "vitest";
import { csvField, formatWallClock, tripChunkCsv, tripCsvHeader, zoneCsv } from "./csv-text";
import { zoneRows } from "./generate-zones";
import { allocateTripColumns, generateTripChunks, type TripChunk } from "./trip-chunks";
import { TAXI_TRIP_COLUMNS } from "./trip-schema";

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe("formatWallClock", () => {
  it("writes the UTC fields as YYYY-MM-DD HH:MM:SS", () => {
    expect(formatWallClock(Date.UTC(2018, 1, 4, 18))).toBe("2018-02-04 18:00:00");
    expect(formatWallClock(Date.UTC(2017, 11, 31, 23, 59, 59))).toBe("2017-12-31 23:59:59");
    expect(formatWallClock(Date.UTC(2019, 0, 1, 0, 0, 1))).toBe("2019-01-01 00:00:01");
    expect(formatWallClock(0)).toBe("1970-01-01 00:00:00");
  });
});

describe("csvField", () => {
  it("quotes only fields that need it", () => {
    expect(csvField("Inkwell's Crossing")).toBe("Inkwell's Crossing");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});

describe("tripChunkCsv", () => {
  it("writes amounts in their shortest decimal form, like String(x)", () => {
    const values = [12.35, 12.3, 12, 0, -0.5, 0.3, 5.76, 1234.01, 0.05, -52, 99.99, 100];
    const columns = allocateTripColumns(values.length);
    values.forEach((v, i) => {
      columns.fare_amount[i] = v;
      columns.trip_distance[i] = Math.abs(v);
      columns.store_and_fwd_flag[i] = "N";
    });
    const lines = text(tripChunkCsv({ start: 0, rows: values.length, columns }))
      .trimEnd()
      .split("\n");
    const fare = TAXI_TRIP_COLUMNS.indexOf("fare_amount");
    const distance = TAXI_TRIP_COLUMNS.indexOf("trip_distance");
    expect(lines.map((l) => l.split(",")[fare])).toEqual(values.map(String));
    expect(lines.map((l) => l.split(",")[distance])).toEqual(values.map((v) => String(Math.abs(v))));
  });

  it("writes every generated value back as it is held", () => {
    const [chunk] = generateTripChunks({ rows: 2_000, seed: 11 }) as Iterable<TripChunk>;
    if (chunk === undefined) throw new Error("no chunk");
    const lines = text(tripChunkCsv(chunk)).split("\n");
    expect(lines).toHaveLength(2_001);
    expect(lines[2_000]).toBe("");
    lines.slice(0, 2_000).forEach((line, i) => {
      const expected = TAXI_TRIP_COLUMNS.map((name) => {
        const value = chunk.columns[name][i];
        if (name === "pickup_datetime" || name === "dropoff_datetime")
          return formatWallClock(value as number);
        return String(value);
      });
      if (line !== expected.join(",")) expect(line).toBe(expected.join(","));
    });
  });

  it("has the guide's header", () => {
    expect(tripCsvHeader()).toBe(`${TAXI_TRIP_COLUMNS.join(",")}\n`);
  });
});

describe("zoneCsv", () => {
  it("writes the header and one line per zone row", () => {
    const lines = zoneCsv(zoneRows()).trimEnd().split("\n");
    expect(lines[0]).toBe("zone_id,zone_name,borough");
    expect(lines).toHaveLength(264);
    expect(lines[1]).toBe("1,Newark Airport,EWR");
  });
});
