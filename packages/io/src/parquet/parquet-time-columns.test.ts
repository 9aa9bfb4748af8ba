import { describe, expect, it } from "vitest";
import { epochMillisParsers, isParquetTimeColumn } from "./parquet-time-columns";

describe("isParquetTimeColumn", () => {
  it("recognises the columns hyparquet decodes as time stamps or dates", () => {
    expect(isParquetTimeColumn({ name: "a", type: "INT96" })).toBe(true);
    expect(isParquetTimeColumn({ name: "a", type: "INT32", converted_type: "DATE" })).toBe(true);
    expect(isParquetTimeColumn({ name: "a", type: "INT64", converted_type: "TIMESTAMP_MILLIS" })).toBe(true);
    expect(isParquetTimeColumn({ name: "a", type: "INT64", converted_type: "TIMESTAMP_MICROS" })).toBe(true);
    expect(
      isParquetTimeColumn({
        name: "a",
        type: "INT64",
        logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "NANOS" },
      }),
    ).toBe(true);
  });

  it("leaves every other column alone", () => {
    expect(isParquetTimeColumn({ name: "a", type: "INT64" })).toBe(false);
    expect(isParquetTimeColumn({ name: "a", type: "INT32", converted_type: "INT_32" })).toBe(false);
    expect(isParquetTimeColumn({ name: "a", type: "BYTE_ARRAY", converted_type: "UTF8" })).toBe(false);
    expect(isParquetTimeColumn({ name: "a", type: "INT64", converted_type: "DECIMAL" })).toBe(false);
    expect(isParquetTimeColumn({ name: "a", type: "DOUBLE" })).toBe(false);
  });
});

describe("epochMillisParsers", () => {
  it("decodes every unit to whole epoch milliseconds, rounding down", () => {
    const at = Date.UTC(2018, 1, 4, 18, 0, 0, 7);
    expect(epochMillisParsers.timestampFromMilliseconds?.(BigInt(at))).toBe(at);
    expect(epochMillisParsers.timestampFromMicroseconds?.(BigInt(at) * 1000n + 999n)).toBe(at);
    expect(epochMillisParsers.timestampFromMicroseconds?.(-1n)).toBe(-1);
    expect(epochMillisParsers.timestampFromMicroseconds?.(-1000n)).toBe(-1);
    expect(epochMillisParsers.timestampFromNanoseconds?.(BigInt(at) * 1_000_000n + 1n)).toBe(at);
    expect(epochMillisParsers.timestampFromNanoseconds?.(-1n)).toBe(-1);
    expect(epochMillisParsers.dateFromDays?.(17566)).toBe(Date.UTC(2018, 1, 4));
  });
});
