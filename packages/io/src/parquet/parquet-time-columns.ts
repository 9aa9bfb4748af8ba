/**
 * Parquet time stamps and dates decoded as epoch milliseconds (numbers), never as Dates: hyparquet's
 * parsers replaced, and the columns they apply to recognised by the same rules hyparquet uses.
 */

import type { ParquetParsers, SchemaElement } from "hyparquet";
import { utf8Text } from "../columns/utf8-text";

const MS_PER_DAY = 86_400_000;

/** `a / b` rounded down (BigInt division rounds toward zero): sub-millisecond digits are cut from the wall clock. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

/**
 * hyparquet parsers that decode time stamps (any unit, INT96 too) and dates as epoch milliseconds of the
 * wall-clock time stored (a time stamp without a zone is its UTC wall-clock time), and texts with a leading
 * U+FEFF kept (hyparquet's own decoder drops it).
 */
export const epochMillisParsers: Partial<ParquetParsers> = {
  stringFromBytes: (bytes: Uint8Array | undefined) => bytes && utf8Text.decode(bytes),
  timestampFromMilliseconds: (millis: bigint): number => Number(millis),
  timestampFromMicroseconds: (micros: bigint): number => Number(floorDiv(micros, 1000n)),
  timestampFromNanoseconds: (nanos: bigint): number => Number(floorDiv(nanos, 1_000_000n)),
  dateFromDays: (days: number): number => days * MS_PER_DAY,
};

/**
 * True when hyparquet decodes the column with the time-stamp or date parsers (the rules of its `convert`):
 * INT96, converted types DATE / TIMESTAMP_MILLIS / TIMESTAMP_MICROS, or a TIMESTAMP logical type.
 * @example isParquetTimeColumn({ name: "at", type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" } }) // true
 */
export function isParquetTimeColumn(element: SchemaElement): boolean {
  const { type, converted_type: converted, logical_type: logical } = element;
  if (converted === "DECIMAL") return false;
  if (converted === undefined && type === "INT96") return true;
  if (converted === "DATE" || converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS")
    return true;
  return logical?.type === "TIMESTAMP";
}

/**
 * What a Parquet time-stamp column holds when it holds instants (time stamps with a zone), as Spark reads them
 * (its TimestampType): a TIMESTAMP logical type adjusted to UTC (DuckDB's TIMESTAMPTZ, pandas' zoned columns),
 * INT96 (Spark's and Hive's TimestampType), or TIMESTAMP_MILLIS/MICROS without a logical type (adjusted to UTC, by
 * the Parquet format). Undefined for any other column (a TIMESTAMP with isAdjustedToUTC=false is a wall-clock time).
 * @example parquetZonedStamps({ name: "at", type: "INT96" }) // "Parquet INT96, as Spark's TimestampType and Hive write instants"
 */
export function parquetZonedStamps(element: SchemaElement): string | undefined {
  const { type, converted_type: converted, logical_type: logical } = element;
  if (logical?.type === "TIMESTAMP") {
    return logical.isAdjustedToUTC ? `Parquet TIMESTAMP(${logical.unit}, isAdjustedToUTC=true)` : undefined;
  }
  if (logical !== undefined) return undefined;
  if (converted === undefined && type === "INT96")
    return "Parquet INT96, as Spark's TimestampType and Hive write instants";
  if (converted === "TIMESTAMP_MILLIS" || converted === "TIMESTAMP_MICROS") {
    return `Parquet ${converted} without a logical type, adjusted to UTC by the Parquet format`;
  }
  return undefined;
}
